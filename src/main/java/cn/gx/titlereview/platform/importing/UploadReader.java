package cn.gx.titlereview.platform.importing;

import cn.gx.titlereview.platform.web.BusinessException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/** An import arrives either as a JSON body or as a multipart file field named {@code file} (.xlsx or .json). */
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
        return new ImportFile(file.getOriginalFilename(), file.getBytes());
      }
      byte[] body = request.getInputStream().readAllBytes();
      if (body.length == 0) {
        throw BusinessException.badRequest("请求内容为空：请提交 JSON 数组，或以表单字段 file 上传文件");
      }
      return new ImportFile("request-body.json", body);
    } catch (IOException e) {
      throw BusinessException.badRequest("读取上传内容失败：" + e.getMessage());
    }
  }
}
