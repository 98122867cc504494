package cn.gx.titlereview.archive;

import cn.gx.titlereview.platform.crypto.HashAlgorithm;
import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code manifest.json} of an archive package: the session, who generated it and when, the retention period, the
 * algorithms and the fingerprint of the key that signed it, and every entry with its hash, named ({@code sm3:…}).
 * {@code manifest.sig} signs its exact bytes, so that none of this can change unseen. A manifest of earlier versions
 * names no algorithm: its hashes are SHA-256 ({@code sha256} per entry) and its signature Ed25519.
 */
@JsonPropertyOrder({"sessionCode", "committeeName", "generatedAt", "generatedBy", "retentionYears", "retainUntil",
    "hashAlgorithm", "signatureAlgorithm", "keyFingerprint", "entries"})
record ArchiveManifest(String sessionCode, String committeeName, Instant generatedAt, String generatedBy,
    int retentionYears, LocalDate retainUntil, @JsonInclude(JsonInclude.Include.NON_NULL) String hashAlgorithm,
    @JsonInclude(JsonInclude.Include.NON_NULL) String signatureAlgorithm, String keyFingerprint, List<Entry> entries) {

  static final String MANIFEST = "manifest.json";
  static final String SIGNATURE = "manifest.sig";
  static final String PUBLIC_KEY = "public-key.pem";
  /** The package's place in the transparency log; outside the manifest, which its leaf names. */
  static final String TRANSPARENCY_PROOF = "transparency-proof.json";

  /** A manifest someone else wrote may lack anything; one without its entries' paths is not read at all. */
  public ArchiveManifest {
    if (entries == null || entries.stream().anyMatch(e -> e == null || e.path() == null)) {
      throw new IllegalArgumentException("清单的条目不完整");
    }
  }

  /**
   * One entry. {@code hash} is named ({@code sm3:…}), or a bare SHA-256 in a manifest of earlier versions, which
   * called it {@code sha256}. {@code displayName} is the uploader's name of the file, kept as metadata only;
   * {@code uploadedBy} and {@code uploadedAt} are null for the files the server generated.
   */
  public record Entry(String path, String item, String displayName, @JsonAlias("sha256") String hash, long size,
      String uploadedBy, Instant uploadedAt) {

    HashAlgorithm algorithm() {
      return HashAlgorithm.of(hash);
    }
  }

  /** The hash of the manifest's bytes as the server records it: named, or a bare SHA-256 for an earlier manifest. */
  static String hashOf(byte[] manifest, String hashAlgorithm) {
    return hashAlgorithm == null ? HashAlgorithm.SHA256.digestHex(manifest)
        : HashAlgorithm.byId(hashAlgorithm).named(manifest);
  }

  /** One writer and reader for the server and the offline command, so that both see the same bytes. */
  private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  byte[] write() {
    try {
      return JSON.writeValueAsBytes(this);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ArchiveManifest read(byte[] json) throws IOException {
    return JSON.readValue(json, ArchiveManifest.class);
  }
}
