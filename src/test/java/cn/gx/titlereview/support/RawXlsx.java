package cn.gx.titlereview.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes an .xlsx by hand, part by part, so that a test can put into it what no spreadsheet program would: a formula
 * that runs a command, an escaped NUL ({@code _x0000_}), a cell of 32,000 characters, 100,001 rows, a gigabyte of
 * padding that compresses to one megabyte. The sheet XML is streamed into the zip, never held.
 */
public final class RawXlsx {

  /** Writes the rows of {@code <sheetData>}. */
  @FunctionalInterface
  public interface SheetData {

    void write(Appendable xml) throws IOException;
  }

  private RawXlsx() {
  }

  /** A workbook whose first sheet holds these rows; each cell is an inline string. */
  public static byte[] of(List<String> header, List<List<String>> rows) {
    return of(xml -> {
      row(xml, 1, header);
      for (int i = 0; i < rows.size(); i++) {
        row(xml, i + 2, rows.get(i));
      }
    });
  }

  public static byte[] of(SheetData data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(out, data);
    return out.toByteArray();
  }

  public static void write(OutputStream target, SheetData data) {
    try (ZipOutputStream zip = new ZipOutputStream(target, StandardCharsets.UTF_8)) {
      entry(zip, "[Content_Types].xml", """
          <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
          <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
          <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
          <Default Extension="xml" ContentType="application/xml"/>\
          <Override PartName="/xl/workbook.xml" \
          ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
          <Override PartName="/xl/worksheets/sheet1.xml" \
          ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
          </Types>""");
      entry(zip, "_rels/.rels", """
          <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
          <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
          <Relationship Id="rId1" \
          Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
          Target="xl/workbook.xml"/></Relationships>""");
      entry(zip, "xl/workbook.xml", """
          <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
          <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
          xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
          <sheets><sheet name="名单" sheetId="1" r:id="rId1"/></sheets></workbook>""");
      entry(zip, "xl/_rels/workbook.xml.rels", """
          <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
          <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
          <Relationship Id="rId1" \
          Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" \
          Target="worksheets/sheet1.xml"/></Relationships>""");
      zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
      java.io.Writer xml = new java.io.BufferedWriter(new java.io.OutputStreamWriter(zip, StandardCharsets.UTF_8));
      xml.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet "
          + "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
      data.write(xml);
      xml.write("</sheetData></worksheet>");
      xml.flush();
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A row of inline-string cells, A, B, C…; an empty value leaves its cell out. */
  public static void row(Appendable xml, int number, List<String> values) throws IOException {
    xml.append("<row r=\"").append(String.valueOf(number)).append("\">");
    for (int c = 0; c < values.size(); c++) {
      if (values.get(c) != null && !values.get(c).isEmpty()) {
        cell(xml, c, number, values.get(c));
      }
    }
    xml.append("</row>");
  }

  /** A raw cell: {@code values} may be a formula ({@code <f>}) or an error ({@code t="e"}) written by the caller. */
  public static void rawRow(Appendable xml, int number, List<String> cells) throws IOException {
    xml.append("<row r=\"").append(String.valueOf(number)).append("\">");
    for (String cell : cells) {
      xml.append(cell);
    }
    xml.append("</row>");
  }

  public static void cell(Appendable xml, int column, int row, String text) throws IOException {
    xml.append("<c r=\"").append(ref(column, row)).append("\" t=\"inlineStr\"><is><t xml:space=\"preserve\">")
        .append(escape(text)).append("</t></is></c>");
  }

  public static String formula(int column, int row, String formula) {
    return "<c r=\"" + ref(column, row) + "\"><f>" + escape(formula) + "</f><v>0</v></c>";
  }

  public static String error(int column, int row) {
    return "<c r=\"" + ref(column, row) + "\" t=\"e\"><v>#DIV/0!</v></c>";
  }

  public static String ref(int column, int row) {
    return org.apache.poi.ss.util.CellReference.convertNumToColString(column) + row;
  }

  /** XML-escaped; a control character, which XML cannot carry, as OOXML's own escape {@code _xHHHH_}. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(c -> {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        default -> {
          if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0xD800 && c <= 0xDFFF) {
            out.append(String.format("_x%04X_", c));
          } else {
            out.appendCodePoint(c);
          }
        }
      }
    });
    return out.toString();
  }

  private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }
}
