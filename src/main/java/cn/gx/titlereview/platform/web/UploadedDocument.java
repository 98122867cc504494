package cn.gx.titlereview.platform.web;

import cn.gx.titlereview.platform.importing.ImportFile;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.web.multipart.MultipartFile;

/** A file kept as evidence (a scan, a document), checked for its type and hashed as received. */
public record UploadedDocument(String fileName, String contentType, byte[] content, String sha256) {

  public static final List<String> SCANS = List.of("pdf", "jpg", "jpeg", "png");

  public static UploadedDocument read(MultipartFile file, List<String> allowedExtensions) {
    String name = file == null || file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
    if (file == null || file.isEmpty()) {
      throw BusinessException.badRequest("未收到文件或文件 " + name + " 为空：请以表单字段 file 上传");
    }
    String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
    if (!allowedExtensions.contains(extension)) {
      throw BusinessException.badRequest("文件 " + name + " 的类型不允许，允许：" + String.join("、", allowedExtensions));
    }
    try {
      byte[] content = file.getBytes();
      return new UploadedDocument(name, file.getContentType(), content, ImportFile.sha256(content));
    } catch (IOException e) {
      throw BusinessException.badRequest("读取文件 " + name + " 失败：" + e.getMessage());
    }
  }
}
