package cn.gx.titlereview.platform.web;

import cn.gx.titlereview.platform.importing.Column;
import cn.gx.titlereview.support.RawXlsx;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Generates bad requests: every endpoint that takes a file or a body, crossed with every kind of hostile payload that
 * applies to it. The columns of each import come from the service that reads it ({@link Column} constants), their
 * widths from the database schema, so a new column is probed without anyone writing a case for it.
 */
final class BadInputCorpus {

  /** One request. {@code column}: the header the refusal must name, when the fault is in one column. */
  record Probe(String endpoint, String kind, String path, String user, String contentType, byte[] body,
      String column) {

    @Override
    public String toString() {
      return endpoint + " / " + kind;
    }
  }

  /** An import: a JSON array or a multipart .xlsx/.json file, read against these columns. */
  record Table(String name, String path, String user, List<Column> columns) {
  }

  /** A file kept as evidence (multipart only), a JSON document, a JSON request body, the archive verification. */
  record Target(String name, String path, String user) {
  }

  static final String BOUNDARY = "----hostile-corpus";
  static final String FORMULA = "=cmd|' /C calc'!A0";
  private static final List<String> HOSTILE_NAMES = List.of("../../../../etc/passwd.xlsx", "..\\..\\windows\\win.ini",
      "/etc/shadow", "会".repeat(300) + ".xlsx", "x\u202egpj.xlsx", "CON.xlsx", "a\"b;c\r\nX-Injected: 1.xlsx",
      "名单\u0007.xlsx");

  private final ToIntFunction<String> width;
  private final List<Probe> probes = new ArrayList<>();

  BadInputCorpus(ToIntFunction<String> width) {
    this.width = width;
  }

  List<Probe> probes() {
    return probes;
  }

  /** The {@link Column} constants a service declares, in declaration order. */
  static List<Column> columnsOf(Class<?> service) {
    return Arrays.stream(service.getDeclaredFields())
        .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == Column.class)
        .map(f -> {
          try {
            f.setAccessible(true);
            return (Column) f.get(null);
          } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
          }
        }).toList();
  }

  void table(Table t) {
    for (Column c : t.columns()) {
      Map<String, String> values = new LinkedHashMap<>();
      values.put("NUL", "甲\u0000乙");
      values.put("控制字符 ESC", "甲\u001b[31m乙");
      values.put("不成对的代理项", "甲\ud800乙");
      values.put("32000 个字符", "长".repeat(32_000));
      values.put("公式 =", FORMULA);
      values.put("公式 @", "@SUM(1+1)*cmd|' /C calc'!A0");
      values.put("公式 +", "+cmd|' /C calc'!A0");
      if (c.stored() != null) {
        values.put("超过列宽 1 个字符", "宽".repeat(width.applyAsInt(c.stored()) + 1));
      } else {
        values.put("类型不符", "不是数值也不是日期");
      }
      values.forEach((kind, value) -> json(t, c, "JSON " + kind, Json.string(value)));
      json(t, c, "JSON 对象作值", "{\"a\":1}");
      json(t, c, "JSON 数组作值", "[1,2]");
      xlsx(t, c, "xlsx NUL（_x0000_）", RawXlsx.escape("甲\u0000乙"), false);
      xlsx(t, c, "xlsx 32000 个字符的单元格", "长".repeat(32_000), false);
      xlsx(t, c, "xlsx 公式单元格", RawXlsx.formula(t.columns().indexOf(c), 2, FORMULA), true);
      xlsx(t, c, "xlsx 错误值单元格", RawXlsx.error(t.columns().indexOf(c), 2), true);
    }
    documents(t.name(), t.path(), t.user(), "application/json");
    structures(t.name(), t.path(), t.user());
    spreadsheets(t);
  }

  /** A column's fault in a JSON array: the row is otherwise filled with "1". */
  private void json(Table t, Column target, String kind, String rawValue) {
    String row = t.columns().stream()
        .map(c -> Json.string(c.key()) + ":" + (c == target ? rawValue : "\"1\""))
        .collect(Collectors.joining(",", "[{", "}]"));
    add(t.name(), kind + "（" + target.header() + "）", t.path(), t.user(), "application/json", utf8(row),
        target.header());
  }

  /** A column's fault in an .xlsx: a header row, then a row otherwise filled with "1". */
  private void xlsx(Table t, Column target, String kind, String content, boolean raw) {
    byte[] file = RawXlsx.of(xml -> {
      RawXlsx.row(xml, 1, t.columns().stream().map(Column::header).toList());
      List<String> cells = new ArrayList<>();
      for (int i = 0; i < t.columns().size(); i++) {
        Column c = t.columns().get(i);
        cells.add(c != target ? cell(i, "1") : raw ? content
            : "<c r=\"" + RawXlsx.ref(i, 2) + "\" t=\"inlineStr\"><is><t>" + content + "</t></is></c>");
      }
      RawXlsx.rawRow(xml, 2, cells);
    });
    add(t.name(), kind + "（" + target.header() + "）", t.path(), t.user(), multipartType(),
        multipart("file", "名单.xlsx", file), target.header());
  }

  private static String cell(int column, String text) {
    return "<c r=\"" + RawXlsx.ref(column, 2) + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
  }

  /** Whole-file faults of .xlsx files, and the spreadsheet limits. */
  private void spreadsheets(Table t) {
    List<String> headers = t.columns().stream().map(Column::header).toList();
    byte[] good = RawXlsx.of(headers, List.of(t.columns().stream().map(c -> "1").toList()));
    file(t, "截断的 .xlsx", "名单.xlsx", Arrays.copyOf(good, good.length / 2));
    file(t, "以 PK 开头的乱码", "名单.xlsx", utf8("PK\u0003\u0004 这不是压缩包"));
    file(t, "不是 .xlsx 的压缩包", "名单.xlsx", zip(Map.of("readme.txt", utf8("你好"))));
    file(t, "PDF 改名为 .xlsx", "名单.xlsx", utf8("%PDF-1.4\n%âãÏÓ\n1 0 obj <<>> endobj\n"));
    file(t, "只有表头", "名单.xlsx", RawXlsx.of(headers, List.of()));
    file(t, "缺少表头列", "名单.xlsx", RawXlsx.of(List.of("无关的列"), List.of(List.of("1"))));
    file(t, "空工作表", "名单.xlsx", RawXlsx.of(xml -> { }));
    file(t, "解压后 1 GB 的 .xlsx（压缩炸弹）", "名单.xlsx", xlsxBomb());
    file(t, "列号超出 Excel 范围", "名单.xlsx", RawXlsx.of(xml -> RawXlsx.rawRow(xml, 1,
        List.of("<c r=\"ZZZZZ1\" t=\"inlineStr\"><is><t>x</t></is></c>"))));
    file(t, "JSON 文件中的 NUL", "名单.json", utf8("[{\"" + t.columns().get(0).key() + "\":\"甲\\u0000\"}]"));
  }

  private void file(Table t, String kind, String name, byte[] content) {
    add(t.name(), kind, t.path(), t.user(), multipartType(), multipart("file", name, content), null);
  }

  /** A workbook whose sheet inflates to a gigabyte of padding: about a megabyte compressed. Made once. */
  static byte[] xlsxBomb() {
    return Made.XLSX_BOMB;
  }

  /** One archive entry of 200 MB of zeros, streamed: about 200 KB. Made once. */
  static byte[] zipBomb() {
    return Made.ZIP_BOMB;
  }

  /** The bombs, made on first use and kept: compressing a gigabyte takes seconds. */
  private static final class Made {

    static final byte[] XLSX_BOMB = RawXlsx.of(xml -> {
      char[] spaces = new char[1 << 20];
      Arrays.fill(spaces, ' ');
      String padding = new String(spaces);
      for (int i = 0; i < 1024; i++) {
        xml.append(padding);
      }
    });

    static final byte[] ZIP_BOMB = zip(zip -> {
      zip.putNextEntry(new ZipEntry("files/MINUTES/MINUTES-001.pdf"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 200; i++) {
        zip.write(zeros);
      }
    });
  }

  /** Rows past the row limit: a header and {@code rows} data rows of one cell each. */
  static byte[] manyRows(List<String> headers, int rows) {
    return RawXlsx.of(xml -> {
      RawXlsx.row(xml, 1, headers);
      for (int r = 2; r <= rows + 1; r++) {
        RawXlsx.row(xml, r, List.of("x" + r));
      }
    });
  }

  /** Faults of the body as a whole and of its declared type, for any endpoint that reads a JSON body or a file. */
  void structures(String name, String path, String user) {
    Map<String, String> bodies = new LinkedHashMap<>();
    bodies.put("JSON 对象而非数组", "{}");
    bodies.put("数组元素不是对象", "[1,2,[],\"x\",null]");
    bodies.put("JSON 字符串", "\"文本\"");
    bodies.put("JSON null", "null");
    bodies.put("空数组", "[]");
    bodies.put("截断的 JSON", "[{\"a\":");
    bodies.put("JSON 后的多余内容", "[{}] 多余");
    bodies.put("嵌套 5000 层", "[".repeat(5000) + "]".repeat(5000));
    bodies.put("只有空白", "   \n ");
    bodies.put("超长数字", "[{\"a\":1" + "0".repeat(5000) + "}]");
    bodies.forEach((kind, body) -> add(name, kind, path, user, "application/json", utf8(body), null));
    add(name, "无效的 UTF-8 字节", path, user, "application/json",
        new byte[] {'[', '{', '"', 'a', '"', ':', '"', (byte) 0x94, (byte) 0xff, '"', '}', ']'}, null);
    add(name, "GBK 编码", path, user, "application/json; charset=GBK",
        "[{\"姓名\":\"张三\"}]".getBytes(java.nio.charset.Charset.forName("GBK")), null);
    add(name, "空请求体", path, user, "application/json", new byte[0], null);
    add(name, "text/plain", path, user, "text/plain", utf8("[{}]"), null);
    add(name, "application/xml", path, user, "application/xml", utf8("<a>1</a>"), null);
    add(name, "表单编码", path, user, "application/x-www-form-urlencoded", utf8("a=1&b=2"), null);
    add(name, "未声明内容类型", path, user, null, utf8("[{}]"), null);
    add(name, "无效的内容类型", path, user, "bogus/;;;", utf8("[{}]"), null);
    add(name, "multipart 缺少 boundary", path, user, "multipart/form-data", utf8("--x\r\n\r\n"), null);
    add(name, "multipart 乱码", path, user, multipartType(), utf8("乱码，不是表单 \u0000\u0001"), null);
    add(name, "multipart 字段名不是 file", path, user, multipartType(), multipart("other", "名单.xlsx",
        utf8("[]")), null);
    add(name, "multipart 空文件", path, user, multipartType(), multipart("file", "名单.xlsx", new byte[0]), null);
  }

  /** A file kept as evidence: wrong names, wrong types, broken forms. {@code jsonType}: a body that is not a form. */
  void documents(String name, String path, String user, String jsonType) {
    for (int i = 0; i < HOSTILE_NAMES.size(); i++) {
      add(name, "恶意文件名 " + (i + 1) + "（空文件）", path, user, multipartType(),
          multipart("file", HOSTILE_NAMES.get(i), new byte[0]), null);
    }
    add(name, "文件名含 NUL", path, user, multipartType(), multipart("file", "x.exe\u0000.pdf", utf8("%PDF-1.4")), null);
    add(name, "文件名含 NUL（空文件）", path, user, multipartType(), multipart("file", "\u0000", new byte[0]), null);
    add(name, "文件名为空", path, user, multipartType(), multipart("file", "", new byte[0]), null);
    if (!"application/json".equals(jsonType)) {
      add(name, "不允许的扩展名 .exe", path, user, multipartType(), multipart("file", "会议记录.exe", utf8("MZ")), null);
      add(name, "没有扩展名", path, user, multipartType(), multipart("file", "会议记录", utf8("%PDF-1.4")), null);
      add(name, "JSON 而非文件", path, user, "application/json", utf8("{\"file\":\"x\"}"), null);
      add(name, "text/plain 而非文件", path, user, "text/plain", utf8("文件内容"), null);
      add(name, "未声明内容类型", path, user, null, utf8("文件内容"), null);
      add(name, "multipart 缺少 boundary", path, user, "multipart/form-data", utf8("--x\r\n\r\n"), null);
      add(name, "multipart 乱码", path, user, multipartType(), utf8("乱码 \u0000"), null);
      add(name, "multipart 字段名不是 file", path, user, multipartType(), multipart("other", "a.pdf", utf8("%PDF")),
          null);
      add(name, "multipart 没有结束边界", path, user, multipartType(), Arrays.copyOf(multipart("file", "a.pdf",
          utf8("%PDF-1.4 x")), 90), null);
    }
  }

  /** A JSON document (a record form, an offline draw result): sent as the body and as a file. */
  void jsonDocument(Target t, Map<String, String> badFields) {
    structures(t.name(), t.path(), t.user());
    badFields.forEach((kind, json) -> {
      add(t.name(), kind, t.path(), t.user(), "application/json", utf8(json), null);
      add(t.name(), kind + "（文件）", t.path(), t.user(), multipartType(), multipart("file", "文件.json", utf8(json)),
          null);
    });
  }

  /** A JSON request body bound to a record ({@code @RequestBody}). */
  void requestBody(Target t, Map<String, String> badBodies) {
    badBodies.forEach((kind, json) -> add(t.name(), kind, t.path(), t.user(), "application/json", utf8(json), null));
    Map<String, String> shapes = new LinkedHashMap<>();
    shapes.put("JSON 数组而非对象", "[]");
    shapes.put("JSON null", "null");
    shapes.put("JSON 字符串", "\"x\"");
    shapes.put("截断的 JSON", "{\"a\":");
    shapes.put("嵌套 5000 层", "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}");
    shapes.forEach((kind, json) -> add(t.name(), kind, t.path(), t.user(), "application/json", utf8(json), null));
    add(t.name(), "无效的 UTF-8 字节", t.path(), t.user(), "application/json",
        new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0x94, '"', '}'}, null);
    add(t.name(), "空请求体", t.path(), t.user(), "application/json", new byte[0], null);
    add(t.name(), "text/plain", t.path(), t.user(), "text/plain", utf8("{}"), null);
    add(t.name(), "表单编码", t.path(), t.user(), "application/x-www-form-urlencoded", utf8("a=1"), null);
    add(t.name(), "未声明内容类型", t.path(), t.user(), null, utf8("{}"), null);
    add(t.name(), "multipart 文件", t.path(), t.user(), multipartType(), multipart("file", "a.json", utf8("{}")),
        null);
  }

  /** Packages sent for verification: as a file and as the body. */
  void verification(Target t) {
    Map<String, byte[]> packages = new LinkedHashMap<>();
    packages.put("不是压缩包", utf8("这不是压缩包"));
    packages.put("截断的压缩包", Arrays.copyOf(zip(Map.of("manifest.json", utf8("{}"))), 30));
    packages.put("压缩炸弹（200 MB 的零）", zipBomb());
    packages.put("10001 个条目", manyEntries(10_001));
    packages.put("路径穿越的条目名", zip(Map.of("../../../etc/passwd", utf8("x"), "/abs/x", utf8("y"))));
    packages.put("条目名含 NUL", zip(Map.of("files/MINUTES/a\u0000.pdf", utf8("x"))));
    packages.put("manifest.json 是乱码", zip(Map.of("manifest.json", utf8("{\"a\":\u0000}"), "manifest.sig",
        utf8("!!"))));
    packages.forEach((kind, zip) -> {
      add(t.name(), kind + "（表单）", t.path(), t.user(), multipartType(), multipart("file", "归档包.zip", zip), null);
      add(t.name(), kind + "（请求体）", t.path(), t.user(), "application/zip", zip, null);
    });
    add(t.name(), "空请求体", t.path(), t.user(), "application/zip", new byte[0], null);
    documents(t.name(), t.path(), t.user(), "verify");
  }

  private static byte[] manyEntries(int count) {
    return zip(zip -> {
      for (int i = 0; i < count; i++) {
        zip.putNextEntry(new ZipEntry("files/MINUTES/" + i + ".pdf"));
      }
    });
  }

  static byte[] zip(Map<String, byte[]> entries) {
    return zip(zip -> {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
      }
    });
  }

  /** Writes entries into a zip in memory. */
  private interface Entries {

    void write(ZipOutputStream zip) throws IOException;
  }

  private static byte[] zip(Entries entries) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      entries.write(zip);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static String multipartType() {
    return "multipart/form-data; boundary=" + BOUNDARY;
  }

  /** One part; the file name goes into the header as raw UTF-8, NUL and line breaks included. */
  static byte[] multipart(String field, String fileName, byte[] content) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(utf8("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
        + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n"));
    body.writeBytes(content);
    body.writeBytes(utf8("\r\n--" + BOUNDARY + "--\r\n"));
    return body.toByteArray();
  }

  void add(String endpoint, String kind, String path, String user, String contentType, byte[] body, String column) {
    probes.add(new Probe(endpoint, kind, path, user, contentType, body, column));
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** JSON text written by hand, so that a lone surrogate or a NUL arrives as the escape a hostile client sends. */
  static final class Json {

    private Json() {
    }

    static String string(String value) {
      StringBuilder out = new StringBuilder("\"");
      for (char c : value.toCharArray()) {
        if (c == '"' || c == '\\') {
          out.append('\\').append(c);
        } else if (c < 0x20 || Character.isSurrogate(c)) {
          out.append(String.format("\\u%04x", (int) c));
        } else {
          out.append(c);
        }
      }
      return out.append('"').toString();
    }
  }
}
