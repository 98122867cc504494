package cn.gx.titlereview.platform.importing;

import cn.gx.titlereview.platform.web.ApiExceptionHandler;
import cn.gx.titlereview.platform.web.BusinessException;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.web.multipart.MultipartFile;

/**
 * A file kept as evidence (a scan, a document), checked for its type and hashed as received. The name the user gave
 * is display metadata only: nothing is stored or packaged under it (see {@link #safeExtension}).
 */
public record UploadedDocument(String fileName, String contentType, byte[] content, String sha256) {

  public static final List<String> SCANS = List.of("pdf", "jpg", "jpeg", "png");

  /** The width of the file-name columns ({@code archive_file.file_name}, {@code expert_pledge.scan_file_name}). */
  private static final int MAX_NAME_LENGTH = 255;

  /**
   * Control characters, NUL among them, and invisible format characters, among them U+202E, which makes
   * "x[U+202E]gpj.exe" read "xexe.jpg".
   */
  private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}]");

  /**
   * The file of multipart field {@code file}. Refused (400): no file, an empty file, an extension not allowed; a name
   * with NUL Tomcat refuses before us ({@link ApiExceptionHandler#unparsable}). A name too long for the column is
   * shortened, keeping its extension, rather than refused.
   */
  public static UploadedDocument read(MultipartFile file, List<String> allowedExtensions) {
    if (file == null) {
      throw BusinessException.badRequest("未收到文件：请以表单字段 file 上传");
    }
    String name = displayName(file.getOriginalFilename() == null ? "" : file.getOriginalFilename());
    if (file.isEmpty()) {
      throw BusinessException.badRequest("文件为空：" + name + " 的大小为 0 字节，请检查后重新上传");
    }
    if (!allowedExtensions.contains(extension(name))) {
      throw BusinessException.badRequest("文件 " + name + " 的类型不允许，允许：" + String.join("、", allowedExtensions));
    }
    try {
      byte[] content = file.getBytes();
      return new UploadedDocument(name, file.getContentType(), content, ImportFile.sha256(content));
    } catch (IOException e) {
      throw BusinessException.badRequest("读取文件 " + name + " 失败，请重新上传");
    }
  }

  /**
   * The extension a stored or packaged file gets: the display name's own, lowercased, when it is one of
   * {@code allowed}, else {@code bin}. Together with a name of our own making, no part of a user's file name reaches
   * a path.
   */
  public static String safeExtension(String fileName, List<String> allowed) {
    String extension = extension(fileName);
    return allowed.contains(extension) ? extension : "bin";
  }

  /**
   * A file name as shown, never as a path: without invisible characters, and at most {@link #MAX_NAME_LENGTH}
   * characters, the extension kept.
   */
  public static String displayName(String original) {
    String name = INVISIBLE.matcher(original).replaceAll("");
    if (name.length() <= MAX_NAME_LENGTH) {
      return name;
    }
    String extension = extension(name);
    String tail = extension.isEmpty() || extension.length() > 10 ? "…" : "…." + extension;
    int keep = MAX_NAME_LENGTH - tail.length();
    if (Character.isHighSurrogate(name.charAt(keep - 1))) {
      keep--;
    }
    return name.substring(0, keep) + tail;
  }

  private static String extension(String name) {
    return name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
  }
}
