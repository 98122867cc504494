package cn.gx.titlereview.archive;

import cn.gx.titlereview.platform.crypto.SigningKey;
import cn.gx.titlereview.platform.security.CurrentUser;
import cn.gx.titlereview.platform.security.Groups;
import cn.gx.titlereview.platform.web.BusinessException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.springframework.core.io.InputStreamSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Checks an archive package someone holds against the server's key and records, and publishes the public key for
 * the offline check. The package is read as a stream, never whole.
 */
@RestController
class ArchiveVerificationController {

  private static final String[] READERS = {Groups.STAFF, Groups.SUPERVISOR, Groups.UNIT_HEAD, Groups.APPROVER};

  private final ArchivePackage packages;
  private final SigningKey signingKey;
  private final CurrentUser currentUser;

  ArchiveVerificationController(ArchivePackage packages, SigningKey signingKey,
      CurrentUser currentUser) {
    this.packages = packages;
    this.signingKey = signingKey;
    this.currentUser = currentUser;
  }

  /** A package as multipart field {@code file} (up to the upload limit). */
  @PostMapping("/api/archive/verify")
  public Verification verify(@RequestParam(value = "file", required = false) MultipartFile file) {
    currentUser.requireAnyGroup(READERS);
    if (file == null || file.isEmpty()) {
      throw BusinessException.badRequest(file == null ? "未收到归档包：请以表单字段 file 上传" : "文件为空：归档包的大小为 0 字节");
    }
    return verified(file);
  }

  /** A package as the request body ({@code Content-Type: application/zip}): a large package, past the upload limit. */
  @PostMapping(path = "/api/archive/verify", consumes = "application/zip")
  public Verification verifyBody(HttpServletRequest request) {
    currentUser.requireAnyGroup(READERS);
    return verified(request::getInputStream);
  }

  /**
   * The public key that signs the packages and the transparency log's checkpoints (PEM), for {@code archive-verify}
   * and {@code log-verify --public-key}; its fingerprint is on 附件1.
   */
  @GetMapping(path = "/api/archive/public-key", produces = "application/x-pem-file")
  public String publicKey() {
    return signingKey.publicKeyPem();
  }

  /** Whether the package verifies, and each problem found in words. */
  public record Verification(boolean valid, List<String> problems) {
  }

  private Verification verified(InputStreamSource upload) {
    try (InputStream zip = upload.getInputStream()) {
      List<String> problems = packages.verify(zip);
      return new Verification(problems.isEmpty(), problems);
    } catch (ArchiveVerifier.LimitExceeded e) {
      throw BusinessException.badRequest(e.getMessage());
    } catch (IOException e) {
      throw BusinessException.badRequest("无法读取上传的归档包，请重新上传");
    }
  }
}
