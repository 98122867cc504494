package cn.gx.titlereview.support;

import cn.gx.titlereview.platform.importing.ImportFile;
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
