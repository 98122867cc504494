package cn.gx.titlereview.draw;

import cn.gx.titlereview.platform.security.CurrentUser;
import cn.gx.titlereview.platform.security.Groups;
import cn.gx.titlereview.platform.web.BusinessException;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Recomputes any draw from a pool file and a seed: needs no session, only the data a verifier holds. */
@RestController
class DrawVerificationController {

  /** {@code algorithm}: the draw's hash, {@code sm3} or {@code sha256} (the prefix of its pool hash); optional. */
  public record Request(String seedHex, Map<String, List<String>> groups, String algorithm) {
  }

  private final DrawVerification verification;
  private final CurrentUser currentUser;

  DrawVerificationController(DrawVerification verification, CurrentUser currentUser) {
    this.verification = verification;
    this.currentUser = currentUser;
  }

  @PostMapping("/api/draw/verify")
  public DrawVerification.Result verify(@RequestBody Request request) {
    currentUser.requireAnyGroup(Groups.STAFF, Groups.SUPERVISOR, Groups.UNIT_HEAD, Groups.APPROVER);
    if (request.groups() == null || request.groups().isEmpty()) {
      throw BusinessException.badRequest("请提供抽取名单 groups（按评议组列出专家编号）");
    }
    try {
      return verification.verify(request.groups(), request.seedHex(), request.algorithm());
    } catch (IllegalArgumentException e) {
      throw BusinessException.badRequest(e.getMessage());
    }
  }
}
