package cn.gx.titlereview.platform.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Lists as .xlsx, for a clerk to sort, filter or paste into a unit's own form: one sheet per table, the header row
 * in bold and frozen, every cell bordered, numbers as numbers, column widths in characters.
 */
public final class Workbooks {

  /** One sheet: its name, the column headers with their widths (in characters), and the rows. */
  public record Table(String name, List<String> headers, int[] widths, List<List<Object>> rows) {

    /** A sheet whose columns are as wide as their headers, at least ten characters. */
    public static Table of(String name, List<String> headers, List<List<Object>> rows) {
      return new Table(name, headers, headers.stream().mapToInt(h -> Math.max(10, h.length() + 2)).toArray(), rows);
    }
  }

  private Workbooks() {
  }

  public static byte[] write(Table... tables) {
    try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle head = style(book, true);
      CellStyle body = style(book, false);
      for (Table table : tables) {
        Sheet sheet = book.createSheet(table.name());
        Row header = sheet.createRow(0);
        for (int c = 0; c < table.headers().size(); c++) {
          Cell cell = header.createCell(c);
          cell.setCellValue(table.headers().get(c));
          cell.setCellStyle(head);
          sheet.setColumnWidth(c, Math.min(255, table.widths()[c] * 2 + 2) * 256 / 2);
        }
        sheet.createFreezePane(0, 1);
        for (int r = 0; r < table.rows().size(); r++) {
          Row row = sheet.createRow(r + 1);
          List<Object> values = table.rows().get(r);
          for (int c = 0; c < values.size(); c++) {
            Cell cell = row.createCell(c);
            Object value = values.get(c);
            if (value instanceof Number n) {
              cell.setCellValue(n.doubleValue());
            } else if (value != null) {
              cell.setCellValue(value.toString());
            }
            cell.setCellStyle(body);
          }
        }
        if (!table.rows().isEmpty()) {
          sheet.setAutoFilter(new org.apache.poi.ss.util.CellRangeAddress(0, table.rows().size(), 0,
              table.headers().size() - 1));
        }
      }
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static CellStyle style(XSSFWorkbook book, boolean bold) {
    Font font = book.createFont();
    font.setFontName(OfficialDocx.SONGTI);
    font.setFontHeightInPoints((short) 11);
    font.setBold(bold);
    CellStyle style = book.createCellStyle();
    style.setFont(font);
    style.setWrapText(true);
    style.setVerticalAlignment(VerticalAlignment.CENTER);
    style.setBorderTop(BorderStyle.THIN);
    style.setBorderBottom(BorderStyle.THIN);
    style.setBorderLeft(BorderStyle.THIN);
    style.setBorderRight(BorderStyle.THIN);
    return style;
  }
}
