package cn.gx.titlereview.platform.importing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * How much one import may hold ({@code titlereview.import.*}), so that a hostile file is refused in bounded memory: past
 * any limit the whole file is refused with 400 「文件超过限制：…」. The size of the upload itself is Spring's multipart
 * limit ({@code spring.servlet.multipart.*}), which also bounds a JSON body ({@code platform.web.RequestBodyLimit}).
 */
@Component
@ConfigurationProperties("titlereview.import")
public class ImportLimits {

  /** Data rows of one import (JSON elements or spreadsheet rows); the largest roster benchmarked has 100,000. */
  private int maxRows = 100_000;
  /**
   * Cells of one spreadsheet (every cell element, empty ones too), and strings of its shared-string table: 100,000
   * rows of ten columns.
   */
  private int maxCells = 1_000_000;
  private final Xlsx xlsx = new Xlsx();

  /**
   * The zip inside an .xlsx. POI's own guard ({@code ZipSecureFile}) is set from these, and {@link XlsxSheet} checks
   * every entry against them before POI opens the file, as a stream.
   */
  public static class Xlsx {

    /** Compressed ÷ uncompressed size of an entry, past its first 100 KB; 0.01 = inflating 100 times at most. */
    private double minInflateRatio = 0.01;
    /** One worksheet or the shared strings, uncompressed: read as a stream, the shared strings held. */
    private DataSize maxEntrySize = DataSize.ofMegabytes(100);
    /** Any other part (content types, relationships, workbook, styles), uncompressed: POI reads each whole. */
    private DataSize maxOtherPartSize = DataSize.ofMegabytes(4);
    /** Entries in the zip. */
    private int maxFileCount = 1000;

    public double getMinInflateRatio() {
      return minInflateRatio;
    }

    public void setMinInflateRatio(double minInflateRatio) {
      this.minInflateRatio = minInflateRatio;
    }

    public DataSize getMaxEntrySize() {
      return maxEntrySize;
    }

    public void setMaxEntrySize(DataSize maxEntrySize) {
      this.maxEntrySize = maxEntrySize;
    }

    public DataSize getMaxOtherPartSize() {
      return maxOtherPartSize;
    }

    public void setMaxOtherPartSize(DataSize maxOtherPartSize) {
      this.maxOtherPartSize = maxOtherPartSize;
    }

    public int getMaxFileCount() {
      return maxFileCount;
    }

    public void setMaxFileCount(int maxFileCount) {
      this.maxFileCount = maxFileCount;
    }
  }

  public int getMaxRows() {
    return maxRows;
  }

  public void setMaxRows(int maxRows) {
    this.maxRows = maxRows;
  }

  public int getMaxCells() {
    return maxCells;
  }

  public void setMaxCells(int maxCells) {
    this.maxCells = maxCells;
  }

  public Xlsx getXlsx() {
    return xlsx;
  }
}
