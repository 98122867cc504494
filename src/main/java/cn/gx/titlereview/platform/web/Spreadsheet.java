package cn.gx.titlereview.platform.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A table as an .xlsx download: a bold header row, one row per record, numbers as numbers. */
public final class Spreadsheet {

  public static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private Spreadsheet() {
  }

  public static ResponseEntity<byte[]> download(String fileName, String sheetName, List<String> headers,
      List<List<Object>> rows) {
    return ResponseEntity.ok().contentType(XLSX)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(fileName, StandardCharsets.UTF_8).build().toString())
        .body(write(sheetName, headers, rows));
  }

  public static byte[] write(String sheetName, List<String> headers, List<List<Object>> rows) {
    try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet(sheetName);
      CellStyle bold = book.createCellStyle();
      Font font = book.createFont();
      font.setBold(true);
      bold.setFont(font);
      Row header = sheet.createRow(0);
      for (int c = 0; c < headers.size(); c++) {
        Cell cell = header.createCell(c);
        cell.setCellValue(headers.get(c));
        cell.setCellStyle(bold);
        sheet.setColumnWidth(c, 20 * 256);
      }
      for (int r = 0; r < rows.size(); r++) {
        Row row = sheet.createRow(r + 1);
        List<Object> values = rows.get(r);
        for (int c = 0; c < values.size(); c++) {
          Object value = values.get(c);
          Cell cell = row.createCell(c);
          if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
          } else {
            cell.setCellValue(value == null ? "" : value.toString());
          }
        }
      }
      sheet.createFreezePane(0, 1);
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
