package cn.gx.titlereview.platform.document;

import com.openhtmltopdf.extend.FSCacheEx;
import com.openhtmltopdf.extend.FSCacheValue;
import com.openhtmltopdf.extend.impl.FSDefaultCacheStore;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Our printable pages as PDF, rendered on the server by openhtmltopdf with CSS paged media (A4, page margins, 「第 x 页
 * 共 y 页」 in the page's margin boxes). The text is set in Noto Serif SC (SIL Open Font License 1.1, shipped in the
 * jar under {@code static/fonts/} with its licence): the regular weight subset to the CJK Unified Ideographs block
 * (every character of GBK), and the bold weight subset to GB2312 for titles, falling back to the regular weight for
 * anything else. PDFBox embeds only the glyphs a document uses.
 *
 * <p>Templates rendered here are well-formed XHTML (self-closed empty elements, numeric entities) and name the family
 * {@value #FAMILY} in their CSS; they get {@code pdf = true} to leave out what only a browser needs.
 */
@Component
public class PdfRenderer {

  public static final String FAMILY = "Noto Serif SC";
  static final String FONTS = "static/fonts/";

  private final TemplateEngine templates;
  private final byte[] regular = font("NotoSerifSC-Regular-subset.ttf");
  private final byte[] bold = font("NotoSerifSC-Bold-GB2312.ttf");
  /** Font metrics, read once rather than per document. */
  private final FSCacheEx<String, FSCacheValue> metrics = new FSDefaultCacheStore();

  public PdfRenderer(TemplateEngine templates) {
    this.templates = templates;
  }

  /** The template processed with {@code pdf = true}, then rendered. */
  public byte[] render(String template, Context context) {
    context.setVariable("pdf", true);
    return render(templates.process(template, context));
  }

  public byte[] render(String xhtml) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.useCacheStore(PdfRendererBuilder.CacheStore.PDF_FONT_METRICS, metrics);
      builder.useFont(() -> new ByteArrayInputStream(regular), FAMILY, 400, FontStyle.NORMAL, true);
      builder.useFont(() -> new ByteArrayInputStream(bold), FAMILY, 700, FontStyle.NORMAL, true);
      // Characters the bold subset lacks (outside GB2312), and any text in a family we do not ship.
      builder.useFont(() -> new ByteArrayInputStream(regular), FAMILY + " Fallback", 400, FontStyle.NORMAL, true,
          EnumSet.of(FSFontUseCase.FALLBACK_FINAL));
      builder.withProducer("职称评审监督");
      builder.withHtmlContent(xhtml, null);
      builder.toStream(out);
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] font(String name) {
    try (InputStream in = new ClassPathResource(FONTS + name).getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("字体文件缺失：" + FONTS + name, e);
    }
  }
}
