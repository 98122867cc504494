package cn.gx.titlereview.archive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * What a package sent for verification may hold, so that a zip bomb is refused before it costs memory, disk or time:
 * {@code titlereview.archive.limits.*}. The defaults here are also the offline command's.
 */
@Component
@ConfigurationProperties("titlereview.archive.limits")
class ArchiveLimits {

  /** Entries in the package. */
  private int maxEntries = 10_000;
  /** One entry, uncompressed: five times the upload limit of a file, for the generated files and headroom. */
  private DataSize maxEntrySize = DataSize.ofMegabytes(100);
  /** All entries together, uncompressed. */
  private DataSize maxTotalSize = DataSize.ofGigabytes(2);
  /** Uncompressed to compressed size of one entry; PDFs and scans compress 1–2 ×, text 5–10 ×, zeros 1,000 ×. */
  private int maxCompressionRatio = 100;
  /** manifest.json, the one entry read into memory: about 400 bytes an entry, so 10,000 entries take 4 MB. */
  private DataSize maxManifestSize = DataSize.ofMegabytes(16);

  public int getMaxEntries() {
    return maxEntries;
  }

  public void setMaxEntries(int maxEntries) {
    this.maxEntries = maxEntries;
  }

  public DataSize getMaxEntrySize() {
    return maxEntrySize;
  }

  public void setMaxEntrySize(DataSize maxEntrySize) {
    this.maxEntrySize = maxEntrySize;
  }

  public DataSize getMaxTotalSize() {
    return maxTotalSize;
  }

  public void setMaxTotalSize(DataSize maxTotalSize) {
    this.maxTotalSize = maxTotalSize;
  }

  public int getMaxCompressionRatio() {
    return maxCompressionRatio;
  }

  public void setMaxCompressionRatio(int maxCompressionRatio) {
    this.maxCompressionRatio = maxCompressionRatio;
  }

  public DataSize getMaxManifestSize() {
    return maxManifestSize;
  }

  public void setMaxManifestSize(DataSize maxManifestSize) {
    this.maxManifestSize = maxManifestSize;
  }
}
