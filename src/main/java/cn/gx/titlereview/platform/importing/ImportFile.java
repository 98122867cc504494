package cn.gx.titlereview.platform.importing;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The bytes of an upload as received, so its SHA-256 is that of the file the user holds. */
public record ImportFile(String fileName, byte[] content) {

  public String sha256() {
    return sha256(content);
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
