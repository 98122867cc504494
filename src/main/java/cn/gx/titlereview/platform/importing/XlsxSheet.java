package cn.gx.titlereview.platform.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.springframework.stereotype.Component;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The first sheet of an .xlsx, read as a stream with POI's event API, so that memory stays bounded whatever the file
 * holds ({@link ImportLimits}):
 * <ol>
 *   <li>before POI opens the file, every zip entry is inflated once as a stream and measured: its count, its size and
 *       its compression ratio. The worksheets and the shared strings, read here as streams, and binary parts such as
 *       pictures, which nothing parses, may be large; every other XML part POI reads whole, so it is held to a few
 *       megabytes;</li>
 *   <li>POI's own guard ({@link ZipSecureFile}) is set from the same limits, a second line;</li>
 *   <li>the shared strings and the sheet are parsed with SAX, counting rows and cells, and no cell may be longer than
 *       Excel allows.</li>
 * </ol>
 * A formula cell is reported as such, never evaluated.
 */
@Component
class XlsxSheet {

  /** Excel's own limit on the text of one cell. */
  static final int MAX_CELL_LENGTH = 32_767;
  /** Excel's last column, XFD: a row holds at most 16,384 cells, whatever the file claims. */
  private static final int MAX_COLUMN = 16_383;

  private static final String WORKSHEET = XSSFRelation.WORKSHEET.getContentType();
  private static final String SHARED_STRINGS = XSSFRelation.SHARED_STRINGS.getContentType();
  private static final Set<String> STREAMED = Set.of(WORKSHEET, SHARED_STRINGS);
  private static final String BROKEN = "无法读取 .xlsx 文件：文件已损坏、不完整，或不是 .xlsx 格式；请用 Excel 或 WPS 重新保存后上传";
  private static final long GRACE = 100 * 1024;

  /** One cell: its text as Excel shows it, and whether it holds a formula or an error value. */
  public record Cell(String text, boolean formula, boolean error) {
  }

  /** Receives each row that has a cell: its number as Excel shows it, and its cells by column index. */
  public interface Rows {

    /** False to stop reading. */
    boolean row(int number, Map<Integer, Cell> cells);
  }

  /** The file is refused: past a limit, or no readable .xlsx. The message says which, in Chinese. */
  public static final class Refused extends Exception {

    Refused(String message) {
      super(message);
    }
  }

  private final ImportLimits limits;

  XlsxSheet(ImportLimits limits) {
    this.limits = limits;
    ImportLimits.Xlsx xlsx = limits.getXlsx();
    ZipSecureFile.setMinInflateRatio(xlsx.getMinInflateRatio());
    ZipSecureFile.setMaxEntrySize(xlsx.getMaxEntrySize().toBytes());
    ZipSecureFile.setMaxFileCount(xlsx.getMaxFileCount());
  }

  public void read(byte[] content, Rows rows) throws Refused {
    Path file = null;
    OPCPackage pkg = null;
    try {
      file = Files.createTempFile("import-", ".xlsx");
      Files.write(file, content);
      measure(file);
      pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
      parse(pkg, rows);
    } catch (Refused e) {
      throw e;
    } catch (IOException | SAXException | RuntimeException | org.apache.poi.openxml4j.exceptions.OpenXML4JException e) {
      throw new Refused(refusal(e));
    } finally {
      if (pkg != null) {
        pkg.revert();
      }
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException ignored) {
          // a temporary file the system cleans up
        }
      }
    }
  }

  /** Our own limit's message, POI's zip-bomb guard as a limit, anything else as a broken file. */
  private static String refusal(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof LimitReached limit) {
        return limit.getMessage();
      }
      String message = t.getMessage();
      if (message != null && (message.contains("Zip bomb") || message.contains("max file count"))) {
        return tooLarge("解压后的内容过大或压缩比过高（疑似压缩炸弹）");
      }
    }
    return BROKEN;
  }

  static String tooLarge(String what) {
    return "文件超过限制：" + what;
  }

  /**
   * Inflates every entry once, as a stream, against the limits: the cap of each entry follows the content type that
   * {@code [Content_Types].xml} declares for it.
   */
  private void measure(Path file) throws IOException, SAXException, Refused {
    ImportLimits.Xlsx xlsx = limits.getXlsx();
    try (ZipFile zip = new ZipFile(file.toFile())) {
      if (zip.size() > xlsx.getMaxFileCount()) {
        throw new Refused(tooLarge("压缩包中的条目超过 " + xlsx.getMaxFileCount() + " 个"));
      }
      ZipEntry typesEntry = zip.getEntry("[Content_Types].xml");
      if (typesEntry == null) {
        throw new Refused(BROKEN);
      }
      Map<String, String> defaults = new HashMap<>();
      Map<String, String> overrides = new HashMap<>();
      try (InputStream in = zip.getInputStream(typesEntry)) {
        sax(new Measured(in, typesEntry, xlsx.getMaxOtherPartSize().toBytes(), xlsx.getMinInflateRatio()),
            new DefaultHandler() {
              @Override
              public void startElement(String uri, String local, String qName, Attributes a) {
                if ("Default".equals(local) && a.getValue("Extension") != null) {
                  defaults.put(a.getValue("Extension").toLowerCase(Locale.ROOT), type(a));
                } else if ("Override".equals(local) && a.getValue("PartName") != null) {
                  overrides.put(a.getValue("PartName"), type(a));
                }
              }
            });
      }
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        String name = entry.getName();
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        String type = overrides.getOrDefault("/" + name, defaults.get(extension));
        long cap = readWhole(type) ? xlsx.getMaxOtherPartSize().toBytes() : xlsx.getMaxEntrySize().toBytes();
        try (InputStream in = new Measured(zip.getInputStream(entry), entry, cap, xlsx.getMinInflateRatio())) {
          in.transferTo(OutputStream.nullOutputStream());
        }
      }
    }
  }

  /**
   * Whether POI would read a part of this type whole: any XML but the worksheets and the shared strings, which are
   * streamed here. A picture or other binary part is never parsed, only measured.
   */
  private static boolean readWhole(String type) {
    return !STREAMED.contains(type) && (type == null || type.endsWith("xml"));
  }

  private static String type(Attributes a) {
    String type = a.getValue("ContentType");
    return type == null ? "" : type.toLowerCase(Locale.ROOT);
  }

  private void parse(OPCPackage pkg, Rows rows)
      throws IOException, SAXException, Refused, org.apache.poi.openxml4j.exceptions.OpenXML4JException {
    XSSFReader reader = new XSSFReader(pkg);
    XSSFReader.SheetIterator sheets = reader.getSheetIterator();
    if (!sheets.hasNext()) {
      throw new Refused("无法读取 .xlsx 文件：文件中没有工作表");
    }
    InputStream sheet = sheets.next();
    List<String> strings = new ArrayList<>();
    for (PackagePart part : pkg.getPartsByContentType(SHARED_STRINGS)) {
      try (InputStream in = part.getInputStream()) {
        sax(in, new SharedStrings(strings, limits.getMaxCells()));
      }
      break;
    }
    StylesTable styles = null;
    for (PackagePart part : pkg.getPartsByContentType(XSSFRelation.STYLES.getContentType())) {
      styles = new StylesTable(part);
      break;
    }
    try (InputStream in = sheet) {
      sax(in, new SheetRows(strings, styles, rows, limits));
    } catch (Stop stop) {
      // the receiver has what it needs
    }
  }

  private static void sax(InputStream in, DefaultHandler handler) throws IOException, SAXException, Refused {
    try {
      XMLReader xml = XMLHelper.newXMLReader();
      xml.setContentHandler(handler);
      xml.parse(new InputSource(in));
    } catch (LimitReached e) {
      throw new Refused(e.getMessage());
    } catch (javax.xml.parsers.ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A limit of this reader, thrown from inside SAX. */
  private static class LimitReached extends SAXException {

    LimitReached(String message) {
      super(message);
    }
  }

  /** The receiver stopped reading. */
  private static final class Stop extends SAXException {
  }

  /** Counts what an entry inflates to: past the cap, or past the ratio after the first 100 KB, it is refused. */
  private static final class Measured extends InputStream {

    private final InputStream in;
    private final long cap;
    private final long compressed;
    private final double minRatio;
    private long read;

    Measured(InputStream in, ZipEntry entry, long cap, double minRatio) {
      this.in = in;
      this.cap = cap;
      this.compressed = entry.getCompressedSize();
      this.minRatio = minRatio;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n > 0) {
        read += n;
        if (read > cap) {
          throw new IOException(new LimitReached(tooLarge("文件中的一个部分解压后超过 " + (cap >> 20) + " MB")));
        }
        if (read > GRACE && compressed >= 0 && (double) compressed / read < minRatio) {
          throw new IOException(new LimitReached(tooLarge("压缩比超过 " + Math.round(1 / minRatio) + " 倍（疑似压缩炸弹）")));
        }
      }
      return n;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  /** The shared strings ({@code <si>}), each decoded as Excel shows it, counted and bounded. */
  private static final class SharedStrings extends DefaultHandler {

    private final List<String> strings;
    private final int max;
    private final StringBuilder text = new StringBuilder();
    private boolean inItem;
    private boolean inText;
    private boolean inPhonetic;

    SharedStrings(List<String> strings, int max) {
      this.strings = strings;
      this.max = max;
    }

    @Override
    public void startElement(String uri, String local, String qName, Attributes a) throws SAXException {
      switch (local) {
        case "si" -> {
          if (strings.size() >= max) {
            throw new LimitReached(tooLarge("共享字符串超过 " + max + " 个"));
          }
          inItem = true;
          text.setLength(0);
        }
        case "rPh" -> inPhonetic = true;
        case "t" -> inText = inItem && !inPhonetic;
        default -> {
        }
      }
    }

    @Override
    public void endElement(String uri, String local, String qName) {
      switch (local) {
        case "si" -> {
          strings.add(new XSSFRichTextString(text.toString()).getString());
          inItem = false;
        }
        case "rPh" -> inPhonetic = false;
        case "t" -> inText = false;
        default -> {
        }
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
      if (inText) {
        append(text, ch, start, length);
      }
    }
  }

  private static void append(StringBuilder text, char[] ch, int start, int length) throws LimitReached {
    if (text.length() + length > MAX_CELL_LENGTH * 8) {
      // escapes (_x0000_) take up to 7 characters for one: past this the cell is longer than Excel allows
      throw new LimitReached(tooLarge("单元格内容超过 " + MAX_CELL_LENGTH + " 个字符"));
    }
    text.append(ch, start, length);
  }

  /** The rows of a worksheet ({@code <row>}, {@code <c>}), counted and bounded, each handed on when it ends. */
  private static final class SheetRows extends DefaultHandler {

    private final List<String> strings;
    private final StylesTable styles;
    private final Rows rows;
    private final int maxRows;
    private final int maxCells;
    private final DataFormatter formatter = new DataFormatter();
    private final StringBuilder value = new StringBuilder();
    private Map<Integer, Cell> cells;
    private int rowNumber;
    private int rowCount;
    private int cellCount;
    private int column;
    private String type;
    private String style;
    private boolean formula;
    private boolean inValue;

    SheetRows(List<String> strings, StylesTable styles, Rows rows, ImportLimits limits) {
      this.strings = strings;
      this.styles = styles;
      this.rows = rows;
      // the header row is not a data row
      this.maxRows = limits.getMaxRows() + 1;
      this.maxCells = limits.getMaxCells();
    }

    @Override
    public void startElement(String uri, String local, String qName, Attributes a) throws SAXException {
      switch (local) {
        case "row" -> {
          if (++rowCount > maxRows) {
            throw new LimitReached(tooLarge("数据行超过 " + (maxRows - 1) + " 行"));
          }
          String r = a.getValue("r");
          rowNumber = r == null ? rowNumber + 1 : parse(r);
          cells = new HashMap<>();
          column = -1;
        }
        case "c" -> {
          if (++cellCount > maxCells) {
            throw new LimitReached(tooLarge("单元格超过 " + maxCells + " 个"));
          }
          String ref = a.getValue("r");
          column = ref == null ? column + 1 : new CellReference(ref).getCol();
          if (column < 0 || column > MAX_COLUMN) {
            throw new LimitReached(BROKEN);
          }
          type = a.getValue("t");
          style = a.getValue("s");
          formula = false;
          value.setLength(0);
        }
        case "f" -> formula = true;
        case "v", "t" -> inValue = true;
        default -> {
        }
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
      if (inValue) {
        append(value, ch, start, length);
      }
    }

    @Override
    public void endElement(String uri, String local, String qName) throws SAXException {
      switch (local) {
        case "v", "t" -> inValue = false;
        case "c" -> {
          if (cells != null && column >= 0) {
            cells.put(column, new Cell(text(), formula, "e".equals(type)));
          }
        }
        case "row" -> {
          if (cells != null && !cells.isEmpty() && !rows.row(rowNumber, cells)) {
            throw new Stop();
          }
          cells = null;
        }
        default -> {
        }
      }
    }

    private String text() throws LimitReached {
      String raw = value.toString();
      if (type == null || "n".equals(type)) {
        return raw.isEmpty() ? "" : number(raw);
      }
      return switch (type) {
        case "s" -> {
          int index = parse(raw);
          if (index < 0 || index >= strings.size()) {
            throw new LimitReached(BROKEN);
          }
          yield strings.get(index);
        }
        case "inlineStr", "str" -> new XSSFRichTextString(raw).getString();
        case "b" -> "1".equals(raw) ? "TRUE" : "FALSE";
        default -> raw;
      };
    }

    private String number(String raw) throws LimitReached {
      double number;
      try {
        number = Double.parseDouble(raw);
      } catch (NumberFormatException e) {
        throw new LimitReached(BROKEN);
      }
      if (styles == null || styles.getNumCellStyles() == 0) {
        return formatter.formatRawCellContents(number, 0, "General");
      }
      int index = style == null ? 0 : parse(style);
      if (index < 0 || index >= styles.getNumCellStyles()) {
        throw new LimitReached(BROKEN);
      }
      XSSFCellStyle cellStyle = styles.getStyleAt(index);
      short format = cellStyle.getDataFormat();
      String pattern = cellStyle.getDataFormatString();
      return formatter.formatRawCellContents(number, format,
          pattern != null ? pattern : BuiltinFormats.getBuiltinFormat(format));
    }

    private static int parse(String number) throws LimitReached {
      try {
        return Integer.parseInt(number.trim());
      } catch (NumberFormatException e) {
        throw new LimitReached(BROKEN);
      }
    }
  }
}
