package cn.gx.titlereview.transparency;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** The proofs as files: what the archive package carries and what the API answers, read back by the verifier. */
public final class Proofs {

  private Proofs() {
  }

  /**
   * {@code transparency-proof.json}: which leaf (its index and text), the tree size and checkpoint it was proved
   * against, and the audit path (hex, leaf upwards).
   */
  public record Inclusion(String hashAlgorithm, long leafIndex, long treeSize, String leafHash, String leaf,
      List<String> auditPath, String checkpoint) {
  }

  /** The proof that the tree of {@code toSize} leaves extends the one of {@code fromSize} (hex hashes). */
  public record Consistency(String hashAlgorithm, long fromSize, long toSize, List<String> proof) {
  }

  static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  public static byte[] write(Object proof) {
    try {
      return JSON.writeValueAsBytes(proof);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static <T> T read(byte[] json, Class<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (IOException e) {
      throw new IllegalArgumentException("不是有效的证明文件：" + e.getMessage());
    }
  }
}
