package cn.gx.titlereview.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;

/** Reads generated documents back as a reader would: Word's page set-up, fonts and text; a PDF's text and pages. */
public final class Documents {

  /** Where the tests leave the documents they generated, to be looked at. */
  public static final Path OUT = Path.of("target", "documents");

  private Documents() {
  }

  public record Word(String text, long pageWidth, long pageHeight, long top, long bottom, long left, long right,
      List<String> eastAsiaFonts, String footer) {
  }

  public static Word word(byte[] bytes) {
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes));
        XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
      CTPageSz size = doc.getDocument().getBody().getSectPr().getPgSz();
      CTPageMar margins = doc.getDocument().getBody().getSectPr().getPgMar();
      List<String> fonts = doc.getBodyElements().stream().flatMap(Documents::runs)
          .map(r -> r.getFontFamily(XWPFRun.FontCharRange.eastAsia)).filter(Objects::nonNull).distinct().toList();
      String footer = doc.getFooterList().stream().map(f -> f.getText()).reduce("", String::concat)
          + doc.getFooterList().stream().flatMap(f -> f.getParagraphs().stream())
              .map(p -> p.getCTP().xmlText()).reduce("", String::concat);
      return new Word(extractor.getText(), number(size.getW()), number(size.getH()), number(margins.getTop()),
          number(margins.getBottom()), number(margins.getLeft()), number(margins.getRight()), fonts, footer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long number(Object twips) {
    return Long.parseLong(twips.toString());
  }

  private static java.util.stream.Stream<XWPFRun> runs(org.apache.poi.xwpf.usermodel.IBodyElement element) {
    if (element instanceof org.apache.poi.xwpf.usermodel.XWPFParagraph p) {
      return p.getRuns().stream();
    }
    if (element instanceof org.apache.poi.xwpf.usermodel.XWPFTable t) {
      return t.getRows().stream().flatMap(r -> r.getTableCells().stream())
          .flatMap(c -> c.getBodyElements().stream()).flatMap(Documents::runs);
    }
    return java.util.stream.Stream.empty();
  }

  public record Pdf(String text, int pages, float width, float height) {
  }

  public static Pdf pdf(byte[] bytes) {
    try (PDDocument doc = Loader.loadPDF(bytes)) {
      PDFTextStripper stripper = new PDFTextStripper();
      return new Pdf(stripper.getText(doc), doc.getNumberOfPages(), doc.getPage(0).getMediaBox().getWidth(),
          doc.getPage(0).getMediaBox().getHeight());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Keeps the file under target/documents/ for a person to look at. */
  public static Path keep(String name, byte[] bytes) {
    try {
      Files.createDirectories(OUT);
      return Files.write(OUT.resolve(name), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
