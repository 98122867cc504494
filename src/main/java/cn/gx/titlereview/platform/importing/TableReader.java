package cn.gx.titlereview.platform.importing;

import cn.gx.titlereview.platform.web.JsonProblems;
import cn.gx.titlereview.platform.web.TextRules;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Reads an import, a JSON array of objects or the first sheet of an .xlsx file, into typed records, all or
 * nothing: every row is parsed, and if any has a problem the whole file is rejected with all of them listed.
 * JSON objects use the columns' keys (or their Chinese headers); a spreadsheet's first row holds the headers.
 * <p>
 * This is the one check of every imported value before it reaches the database: no control character (NUL among
 * them), no broken Unicode, no formula, no JSON object where text belongs, and no text longer than the database column
 * that keeps it ({@link Column#stored()}, {@link ColumnWidths}). Types are checked by {@link ImportRow}. Both formats
 * are read as streams, within {@link ImportLimits}.
 */
@Component
public class TableReader {

  private static final int MAX_PROBLEMS = 200;

  private final ObjectMapper json;
  private final ColumnWidths widths;
  private final XlsxSheet xlsx;
  private final ImportLimits limits;
  private final MeterRegistry meters;

  public TableReader(ObjectMapper json, ColumnWidths widths, XlsxSheet xlsx, ImportLimits limits,
      MeterRegistry meters) {
    this.json = json;
    this.widths = widths;
    this.xlsx = xlsx;
    this.limits = limits;
    this.meters = meters;
  }

  public <T> List<T> read(ImportFile file, List<Column> columns, Function<ImportRow, T> mapper) {
    return read(file, columns, null, mapper);
  }

  /** As {@link #read(ImportFile, List, Function)}, and each value of the key column may appear only once. */
  public <T> List<T> read(ImportFile file, List<Column> columns, Column key, Function<ImportRow, T> mapper) {
    // Every import passes here: its reading time, outcome and rows are the import metrics (docs/operations.md).
    String format = isSpreadsheet(file.content()) ? "xlsx" : "json";
    Timer.Sample reading = Timer.start(meters);
    String outcome = "rejected";
    try {
      List<T> records = readAll(file, columns, key, mapper);
      outcome = "accepted";
      DistributionSummary.builder("titlereview.import.rows").description("导入文件中被接受的数据行").baseUnit("rows")
          .tag("format", format).register(meters).record(records.size());
      return records;
    } finally {
      reading.stop(Timer.builder("titlereview.import.duration").description("读取并校验导入文件的耗时（accepted、rejected）")
          .tag("format", format).tag("outcome", outcome).register(meters));
    }
  }

  private <T> List<T> readAll(ImportFile file, List<Column> columns, Column key, Function<ImportRow, T> mapper) {
    List<String> problems = new ArrayList<>();
    List<ImportRow> rows = isSpreadsheet(file.content()) ? spreadsheetRows(file, columns, problems)
        : jsonRows(file, columns, problems);
    if (rows.isEmpty() && problems.isEmpty()) {
      problems.add("文件中没有数据行");
    }
    List<T> records = new ArrayList<>(rows.size());
    Set<String> keys = new HashSet<>();
    for (ImportRow row : rows) {
      check(row, columns);
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

  /** Every given value against the rules of any kept text, and its column's width. */
  private void check(ImportRow row, List<Column> columns) {
    for (Column column : columns) {
      String value = row.given(column);
      if (value == null) {
        continue;
      }
      String why = TextRules.unsafeCell(value);
      if (why == null && column.stored() != null) {
        why = widths.tooLong(value.strip(), column.stored());
      }
      if (why != null) {
        row.refuse(column, why);
      }
    }
  }

  private static boolean isSpreadsheet(byte[] content) {
    return content.length > 4 && content[0] == 'P' && content[1] == 'K';
  }

  /** The array's elements one at a time, so that no tree of the whole file is built and the row limit holds. */
  private List<ImportRow> jsonRows(ImportFile file, List<Column> columns, List<String> problems) {
    List<ImportRow> rows = new ArrayList<>();
    try (JsonParser parser = json.createParser(file.content())) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        // read to the end first: a broken document is reported as broken, a whole one as the wrong shape
        parser.skipChildren();
        while (parser.nextToken() != null) {
          parser.skipChildren();
        }
        problems.add("JSON 内容应为数组，每个元素是一行");
        return List.of();
      }
      for (int i = 1; parser.nextToken() != JsonToken.END_ARRAY; i++) {
        if (i > limits.getMaxRows()) {
          problems.add(XlsxSheet.tooLarge("数据行超过 " + limits.getMaxRows() + " 行"));
          return List.of();
        }
        JsonNode node = parser.readValueAsTree();
        String position = "第 " + i + " 条";
        if (node == null || !node.isObject()) {
          problems.add(position + "：应为 JSON 对象");
          continue;
        }
        Map<String, String> values = new HashMap<>();
        Map<Column, String> notText = new HashMap<>();
        for (Column c : columns) {
          JsonNode v = node.has(c.key()) ? node.get(c.key()) : node.get(c.header());
          if (v != null && !v.isNull()) {
            if (v.isValueNode()) {
              values.put(c.key(), v.asText());
            } else {
              notText.put(c, v.isArray() ? "数组" : "对象");
            }
          }
        }
        ImportRow row = new ImportRow(position, values, problems);
        notText.forEach((c, kind) -> row.refuse(c, "应为文本或数值，实际为 JSON " + kind));
        rows.add(row);
      }
      if (parser.nextToken() != null) {
        problems.add("JSON 数组结束后还有其他内容");
      }
    } catch (JsonProcessingException e) {
      problems.add("文件既不是 .xlsx 也不是有效的 JSON：" + JsonProblems.describe(e));
    } catch (IOException e) {
      problems.add("文件既不是 .xlsx 也不是有效的 JSON");
    }
    return rows;
  }

  private List<ImportRow> spreadsheetRows(ImportFile file, List<Column> columns, List<String> problems) {
    List<ImportRow> rows = new ArrayList<>();
    Map<Integer, Column> byIndex = new HashMap<>();
    boolean[] header = {true};
    try {
      xlsx.read(file.content(), (number, cells) -> {
        if (header[0]) {
          header[0] = false;
          cells.forEach((index, cell) -> columns.stream()
              .filter(c -> c.header().equals(cell.text().trim()) || c.key().equals(cell.text().trim())).findFirst()
              .ifPresent(c -> byIndex.put(index, c)));
          columns.stream().filter(c -> c.required() && !byIndex.containsValue(c))
              .forEach(c -> problems.add("第 " + number + " 行（表头）：缺少列「" + c.header() + "」"));
          return problems.isEmpty();
        }
        Map<String, String> values = new HashMap<>();
        List<Column> formulas = new ArrayList<>();
        List<Column> errors = new ArrayList<>();
        byIndex.forEach((index, column) -> {
          XlsxSheet.Cell cell = cells.get(index);
          if (cell == null) {
            return;
          }
          if (cell.formula()) {
            formulas.add(column);
          } else if (cell.error()) {
            errors.add(column);
          } else if (!cell.text().isBlank()) {
            values.put(column.key(), cell.text().trim());
          }
        });
        if (!values.isEmpty() || !formulas.isEmpty() || !errors.isEmpty()) {
          ImportRow row = new ImportRow("第 " + number + " 行", values, problems);
          formulas.forEach(c -> row.refuse(c, "单元格是公式，请改为文本或数值后重新导入（公式不会被执行）"));
          errors.forEach(c -> row.refuse(c, "单元格是错误值（如 #DIV/0!），请改正后重新导入"));
          rows.add(row);
        }
        return true;
      });
    } catch (XlsxSheet.Refused e) {
      problems.add(e.getMessage());
      return List.of();
    }
    return rows;
  }
}
