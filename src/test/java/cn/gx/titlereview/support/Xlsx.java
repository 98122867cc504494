package cn.gx.titlereview.support;

import cn.gx.titlereview.platform.importing.ImportFile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Writes a small .xlsx in memory, as a unit would export one: a header row, then data rows. */
public final class Xlsx {

  private Xlsx() {
  }

  @SafeVarargs
  public static ImportFile of(List<String> header, List<?>... rows) {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet("名单");
      write(sheet.createRow(0), header);
      for (int i = 0; i < rows.length; i++) {
        write(sheet.createRow(i + 1), rows[i]);
      }
      workbook.write(out);
      return new ImportFile("test.xlsx", out.toByteArray());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A downloaded template filled in as a clerk would: its header row kept, the sample row replaced by the rows. */
  public static byte[] fill(byte[] template, List<List<?>> rows) {
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template));
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.getSheetAt(0);
      for (int r = sheet.getLastRowNum(); r >= 1; r--) {
        sheet.removeRow(sheet.getRow(r));
      }
      for (int i = 0; i < rows.size(); i++) {
        write(sheet.createRow(i + 1), rows.get(i));
      }
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void write(Row row, List<?> values) {
    for (int c = 0; c < values.size(); c++) {
      Object value = values.get(c);
      if (value instanceof Number n) {
        row.createCell(c).setCellValue(n.doubleValue());
      } else if (value != null && !value.toString().isEmpty()) {
        row.createCell(c).setCellValue(value.toString());
      }
    }
  }
}
