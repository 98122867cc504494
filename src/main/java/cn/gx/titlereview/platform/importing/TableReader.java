package cn.gx.titlereview.platform.importing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * Reads an import, a JSON array of objects or the first sheet of an .xlsx file, into typed records, all or
 * nothing: every row is parsed, and if any has a problem the whole file is rejected with all of them listed.
 * JSON objects use the columns' keys (or their Chinese headers); a spreadsheet's first row holds the headers.
 */
@Component
public class TableReader {

  private static final int MAX_PROBLEMS = 200;

  private final ObjectMapper json;

  public TableReader(ObjectMapper json) {
    this.json = json;
  }

  public <T> List<T> read(ImportFile file, List<Column> columns, Function<ImportRow, T> mapper) {
    return read(file, columns, null, mapper);
  }

  /** As {@link #read(ImportFile, List, Function)}, and each value of the key column may appear only once. */
  public <T> List<T> read(ImportFile file, List<Column> columns, Column key, Function<ImportRow, T> mapper) {
    List<String> problems = new ArrayList<>();
    List<ImportRow> rows = isSpreadsheet(file.content()) ? spreadsheetRows(file, columns, problems)
        : jsonRows(file, columns, problems);
    if (rows.isEmpty() && problems.isEmpty()) {
      problems.add("文件中没有数据行");
    }
    List<T> records = new ArrayList<>(rows.size());
    Set<String> keys = new HashSet<>();
    for (ImportRow row : rows) {
      String value = key == null ? null : row.value(key);
      if (value != null && !keys.add(value)) {
        row.problem(key, value + " 重复");
      }
      records.add(mapper.apply(row));
    }
    if (!problems.isEmpty()) {
      throw new ImportException(problems.size() > MAX_PROBLEMS ? problems.subList(0, MAX_PROBLEMS) : problems);
    }
    return records;
  }

  private static boolean isSpreadsheet(byte[] content) {
    return content.length > 4 && content[0] == 'P' && content[1] == 'K';
  }

  private List<ImportRow> jsonRows(ImportFile file, List<Column> columns, List<String> problems) {
    JsonNode root;
    try {
      root = json.readTree(file.content());
    } catch (IOException e) {
      problems.add("文件既不是 .xlsx 也不是有效的 JSON：" + e.getMessage().lines().findFirst().orElse(""));
      return List.of();
    }
    if (root == null || !root.isArray()) {
      problems.add("JSON 内容应为数组，每个元素是一行");
      return List.of();
    }
    List<ImportRow> rows = new ArrayList<>();
    for (int i = 0; i < root.size(); i++) {
      JsonNode node = root.get(i);
      String position = "第 " + (i + 1) + " 条";
      if (!node.isObject()) {
        problems.add(position + "：应为 JSON 对象");
        continue;
      }
      Map<String, String> values = new HashMap<>();
      for (Column c : columns) {
        JsonNode v = node.has(c.key()) ? node.get(c.key()) : node.get(c.header());
        if (v != null && !v.isNull()) {
          values.put(c.key(), v.isValueNode() ? v.asText() : v.toString());
        }
      }
      rows.add(new ImportRow(position, values, problems));
    }
    return rows;
  }

  private List<ImportRow> spreadsheetRows(ImportFile file, List<Column> columns, List<String> problems) {
    try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.content()))) {
      Sheet sheet = workbook.getSheetAt(0);
      DataFormatter formatter = new DataFormatter();
      Row header = sheet.getRow(sheet.getFirstRowNum());
      Map<Integer, Column> byIndex = new HashMap<>();
      if (header != null) {
        for (Cell cell : header) {
          String title = formatter.formatCellValue(cell).trim();
          columns.stream().filter(c -> c.header().equals(title) || c.key().equals(title)).findFirst()
              .ifPresent(c -> byIndex.put(cell.getColumnIndex(), c));
        }
      }
      columns.stream().filter(c -> c.required() && !byIndex.containsValue(c))
          .forEach(c -> problems.add("第 1 行（表头）：缺少列「" + c.header() + "」"));
      if (!problems.isEmpty()) {
        return List.of();
      }
      List<ImportRow> rows = new ArrayList<>();
      for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        Map<String, String> values = new HashMap<>();
        if (row != null) {
          byIndex.forEach((index, column) -> {
            String text = formatter.formatCellValue(row.getCell(index)).trim();
            if (!text.isEmpty()) {
              values.put(column.key(), text);
            }
          });
        }
        if (!values.isEmpty()) {
          rows.add(new ImportRow("第 " + (r + 1) + " 行", values, problems));
        }
      }
      return rows;
    } catch (IOException | RuntimeException e) {
      problems.add("无法读取 .xlsx 文件：" + e.getMessage());
      return List.of();
    }
  }
}
