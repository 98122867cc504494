package cn.gx.titlereview.archive;

import cn.gx.titlereview.platform.security.CurrentUser;
import cn.gx.titlereview.platform.security.Groups;
import cn.gx.titlereview.platform.web.BusinessException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Checks an archive package someone holds against its own manifest. */
@RestController
public class ArchiveVerificationController {

  private final ArchivePackage packages;
  private final CurrentUser currentUser;

  public ArchiveVerificationController(ArchivePackage packages, CurrentUser currentUser) {
    this.packages = packages;
    this.currentUser = currentUser;
  }

  @PostMapping("/api/archive/verify")
  public Map<String, Object> verify(@RequestParam("file") MultipartFile file) {
    currentUser.requireAnyGroup(Groups.STAFF, Groups.SUPERVISOR, Groups.UNIT_HEAD, Groups.APPROVER);
    try {
      List<String> problems = packages.verify(file.getBytes());
      return Map.of("valid", problems.isEmpty(), "problems", problems);
    } catch (IOException | UncheckedIOException e) {
      throw BusinessException.badRequest("无法读取归档包：" + e.getMessage());
    }
  }
}
