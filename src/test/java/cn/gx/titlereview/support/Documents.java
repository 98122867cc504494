package cn.gx.titlereview.support;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.record.RecordForm;
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

  /** Each page of the PDF as a PNG beside it ({@code name-1.png}, …), for a person to look at. */
  public static List<Path> pictures(byte[] pdf, Path dir, String name, float dpi) {
    List<Path> pngs = new java.util.ArrayList<>();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      Files.createDirectories(dir);
      org.apache.pdfbox.rendering.PDFRenderer renderer = new org.apache.pdfbox.rendering.PDFRenderer(doc);
      for (int i = 0; i < doc.getNumberOfPages(); i++) {
        Path png = dir.resolve(name + "-" + (i + 1) + ".png");
        javax.imageio.ImageIO.write(renderer.renderImageWithDPI(i, dpi), "png", png.toFile());
        pngs.add(png);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return pngs;
  }

  /** The text of the PDF's last page, where a stray page would show only a border or a footnote. */
  public static String lastPage(byte[] pdf) {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setStartPage(doc.getNumberOfPages());
      return stripper.getText(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every item's printed line appears, in the form's order (white space aside, as a PDF breaks lines); all 36. */
  public static void assertItemsInOrder(String text, RecordForm form) {
    String flat = text.replaceAll("\\s+", "");
    int at = 0;
    int count = 0;
    for (RecordForm.Section section : form.sections()) {
      for (RecordForm.Group group : section.groups()) {
        for (RecordForm.Item item : group.items()) {
          int found = flat.indexOf(item.line().replaceAll("\\s+", ""), at);
          assertThat(found).as("item %s after position %d", item.line(), at).isGreaterThanOrEqualTo(0);
          at = found;
          count++;
        }
      }
    }
    assertThat(count).isEqualTo(36);
  }

  /** The rows of a workbook's sheet as text, header first. */
  public static List<List<String>> sheet(byte[] xlsx, int index) {
    try (org.apache.poi.xssf.usermodel.XSSFWorkbook book =
        new org.apache.poi.xssf.usermodel.XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      org.apache.poi.ss.usermodel.DataFormatter format = new org.apache.poi.ss.usermodel.DataFormatter();
      List<List<String>> rows = new java.util.ArrayList<>();
      for (org.apache.poi.ss.usermodel.Row row : book.getSheetAt(index)) {
        List<String> cells = new java.util.ArrayList<>();
        row.forEach(c -> cells.add(format.formatCellValue(c)));
        rows.add(cells);
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Keeps the file under target/documents/ for a person to look at; returns its bytes. */
  public static byte[] keep(String name, byte[] bytes) {
    try {
      Files.createDirectories(OUT);
      Files.write(OUT.resolve(name), bytes);
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
