package cn.gx.titlereview.expert;

import cn.gx.titlereview.platform.PlatformConfig;
import java.time.Instant;
import org.springframework.http.HttpStatus;

/** Why a link was refused; each reason has its own plain page (templates/expert-refused.html). */
class LinkRefusal extends RuntimeException {

  enum Reason {
    INVALID(HttpStatus.NOT_FOUND, "链接无效"),
    USED(HttpStatus.GONE, "此链接已使用"),
    EXPIRED(HttpStatus.GONE, "此链接已过期"),
    REVOKED(HttpStatus.GONE, "此链接已停用"),
    TOO_MANY(HttpStatus.TOO_MANY_REQUESTS, "访问过于频繁");

    final HttpStatus status;
    final String title;

    Reason(HttpStatus status, String title) {
      this.status = status;
      this.title = title;
    }
  }

  private final Reason reason;
  private final ExpertLink link;

  LinkRefusal(Reason reason, ExpertLink link, String message) {
    super(message);
    this.reason = reason;
    this.link = link;
  }

  static LinkRefusal invalid(ExpertLink knownButAltered) {
    return new LinkRefusal(Reason.INVALID, knownButAltered, "您打开的链接不完整或有误，系统无法识别。请直接点击短信或邮件中的"
        + "链接，不要改动其中的字符；如仍无法打开，请与通知您的工作人员联系。");
  }

  static LinkRefusal used(ExpertLink link) {
    return new LinkRefusal(Reason.USED, link, "您已于 " + PlatformConfig.MINUTES.format(link.usedAt())
        + " 通过此链接提交了" + link.purpose().title() + "，链接随即失效，您的答复已记录。如需更改，请与工作人员联系。");
  }

  static LinkRefusal expired(ExpertLink link, Instant expiredAt) {
    return new LinkRefusal(Reason.EXPIRED, link, "此链接的有效期至 " + PlatformConfig.MINUTES.format(expiredAt)
        + "，现已过期。如仍需答复，请与工作人员联系。");
  }

  static LinkRefusal revoked(ExpertLink link) {
    return new LinkRefusal(Reason.REVOKED, link, "工作人员已停用此链接（例如已向您发送了新的链接）。请使用最新收到的链接，"
        + "或与工作人员联系。");
  }

  static LinkRefusal tooMany(ExpertLink link) {
    return new LinkRefusal(Reason.TOO_MANY, link, "短时间内打开此页面的次数过多，请稍候几分钟再试。");
  }

  Reason reason() {
    return reason;
  }

  /** The link refused, where it is known (an altered MAC still names a real link). */
  ExpertLink link() {
    return link;
  }
}
