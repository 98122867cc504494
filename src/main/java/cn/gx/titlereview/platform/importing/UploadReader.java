package cn.gx.titlereview.platform.importing;

import cn.gx.titlereview.platform.web.BusinessException;
import cn.gx.titlereview.platform.web.RequestBodyLimit;
import cn.gx.titlereview.platform.web.TextRules;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * An import arrives either as a JSON body ({@code application/json}) or as a multipart file field named {@code file}
 * (.xlsx or .json); anything else is refused with 415. The body is read within the upload limit, which
 * {@link RequestBodyLimit} enforces on every request's stream; a multipart file within Spring's multipart limits.
 */
public final class UploadReader {

  private UploadReader() {
  }

  public static ImportFile read(HttpServletRequest request) {
    try {
      if (request instanceof MultipartHttpServletRequest multipart) {
        MultipartFile file = multipart.getFile("file");
        if (file == null || file.isEmpty()) {
          throw BusinessException.badRequest("未收到文件：请以表单字段 file 上传 .xlsx 或 .json 文件");
        }
        String name = UploadedDocument.displayName(file.getOriginalFilename() == null ? "" : file.getOriginalFilename());
        return new ImportFile(name.isEmpty() ? "upload" : name, file.getBytes());
      }
      if (!isJson(request.getContentType())) {
        throw new BusinessException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "不支持的内容类型"
            + (request.getContentType() == null ? "（未声明）" : " " + TextRules.quote(request.getContentType()))
            + "：请以 application/json 提交 JSON 数组，或以 multipart/form-data 的表单字段 file 上传 .xlsx 或 .json 文件");
      }
      byte[] body = request.getInputStream().readAllBytes();
      if (body.length == 0) {
        throw BusinessException.badRequest("请求内容为空：请提交 JSON 数组，或以表单字段 file 上传文件");
      }
      return new ImportFile("request-body.json", body);
    } catch (IOException e) {
      throw BusinessException.badRequest("读取上传内容失败，请重新上传");
    }
  }

  private static boolean isJson(String contentType) {
    try {
      MediaType type = contentType == null ? null : MediaType.parseMediaType(contentType);
      return type != null && "application".equals(type.getType())
          && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"));
    } catch (InvalidMediaTypeException e) {
      return false;
    }
  }
}
