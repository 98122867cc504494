package cn.gx.titlereview.transparency;

import cn.gx.titlereview.platform.security.CurrentUser;
import cn.gx.titlereview.platform.security.Groups;
import cn.gx.titlereview.platform.web.BusinessException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The log for anyone who checks it: the latest checkpoint as text (to keep, print or publish), a new one on demand,
 * any stored one by its size, and the proofs between sizes and of a leaf. Every reader of sessions may read; the log
 * holds hashes and the public values of draws, nothing personal.
 */
@RestController
@RequestMapping("/api/transparency")
class TransparencyController {

  private static final String[] READERS = {Groups.STAFF, Groups.SUPERVISOR, Groups.UNIT_HEAD, Groups.APPROVER};

  private final TransparencyLog transparencyLog;
  private final CurrentUser currentUser;

  TransparencyController(TransparencyLog transparencyLog, CurrentUser currentUser) {
    this.transparencyLog = transparencyLog;
    this.currentUser = currentUser;
  }

  /** The latest checkpoint (text/plain): origin, size, root hash, time, an empty line and the signature line. */
  @GetMapping(path = "/checkpoint", produces = MediaType.TEXT_PLAIN_VALUE)
  public String latest() {
    currentUser.requireAnyGroup(READERS);
    return transparencyLog.latestCheckpoint().map(Checkpoint::text)
        .orElseThrow(() -> BusinessException.notFound("透明日志尚未签署检查点"));
  }

  /** A checkpoint of the log as it is now (the latest if nothing was sealed since). */
  @PostMapping(path = "/checkpoint", produces = MediaType.TEXT_PLAIN_VALUE)
  public String now() {
    currentUser.requireAnyGroup(READERS);
    try {
      return transparencyLog.checkpoint().text();
    } catch (TransparencyLog.LogInconsistent e) {
      throw BusinessException.conflict(e.getMessage());
    }
  }

  @GetMapping(path = "/checkpoints/{size}", produces = MediaType.TEXT_PLAIN_VALUE)
  public String bySize(@PathVariable long size) {
    currentUser.requireAnyGroup(READERS);
    return transparencyLog.checkpoint(size).map(Checkpoint::text)
        .orElseThrow(() -> BusinessException.notFound("没有大小为 " + size + " 的检查点"));
  }

  /** The consistency proof from the tree of {@code from} leaves to that of {@code to}, for {@code log-verify}. */
  @GetMapping("/consistency")
  public Proofs.Consistency consistency(@RequestParam(required = false) Long from,
      @RequestParam(required = false) Long to) {
    currentUser.requireAnyGroup(READERS);
    if (from == null || to == null) {
      throw BusinessException.badRequest("请提供两个检查点的大小：from（旧）和 to（新）");
    }
    try {
      return transparencyLog.consistency(from, to);
    } catch (IllegalArgumentException e) {
      throw BusinessException.badRequest(e.getMessage());
    }
  }

  /** The inclusion proof of leaf {@code leaf} in the checkpoint of size {@code size} (the latest if none given). */
  @GetMapping("/inclusion")
  public Proofs.Inclusion inclusion(@RequestParam long leaf, @RequestParam(required = false) Long size) {
    currentUser.requireAnyGroup(READERS);
    Checkpoint checkpoint = (size == null ? transparencyLog.latestCheckpoint() : transparencyLog.checkpoint(size))
        .orElseThrow(() -> BusinessException.notFound(size == null ? "透明日志尚未签署检查点" : "没有大小为 " + size + " 的检查点"));
    if (leaf < 0 || leaf >= checkpoint.size()) {
      throw BusinessException.badRequest("第 " + leaf + " 条记录不在" + checkpoint.describe() + "中");
    }
    return transparencyLog.inclusion(leaf, checkpoint);
  }
}
