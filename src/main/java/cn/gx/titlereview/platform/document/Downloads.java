package cn.gx.titlereview.platform.document;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A generated document as a download, named in Chinese (RFC 5987 file name). */
public final class Downloads {

  public static final MediaType DOCX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  public static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private Downloads() {
  }

  public static ResponseEntity<byte[]> docx(String name, byte[] content) {
    return file(name + ".docx", DOCX, content);
  }

  public static ResponseEntity<byte[]> pdf(String name, byte[] content) {
    return file(name + ".pdf", MediaType.APPLICATION_PDF, content);
  }

  public static ResponseEntity<byte[]> xlsx(String name, byte[] content) {
    return file(name + ".xlsx", XLSX, content);
  }

  private static ResponseEntity<byte[]> file(String fileName, MediaType type, byte[] content) {
    return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString()).body(content);
  }
}
