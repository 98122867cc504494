package cn.gx.titlereview.expert;

import cn.gx.titlereview.platform.PlatformConfig;
import cn.gx.titlereview.platform.SiteSettings;
import cn.gx.titlereview.session.ReviewSession;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/**
 * The words of the notices. Each names the committee, the review days and the expert's own link; never another
 * expert, never an applicant (附件2 五: the experts' names are confidential).
 */
@Component
class NoticeTexts {

  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日").withZone(PlatformConfig.ZONE);
  static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("M月d日HH:mm").withZone(PlatformConfig.ZONE);

  private final SiteSettings site;

  NoticeTexts(SiteSettings site) {
    this.site = site;
  }

  String url(String token) {
    return site.link(ExpertPageController.PATH + token);
  }

  String subject(LinkPurpose purpose) {
    return "【职称评审】" + switch (purpose) {
      case ATTEND -> "评审专家抽取通知";
      case RECUSAL -> "请申报回避情况";
      case PLEDGE -> "请确认评审专家工作守则";
    };
  }

  /** The notice's text; {@code answerBy} is when the reply is due (the earlier of reply-within and the expiry). */
  String text(ReviewSession session, LinkPurpose purpose, String url, Instant answerBy) {
    String committee = session.reviewYear() + "年度" + session.committeeName();
    String days = DAY.format(session.plannedReviewStart().atStartOfDay(PlatformConfig.ZONE))
        + (session.plannedReviewEnd().equals(session.plannedReviewStart()) ? ""
            : "至" + DAY.format(session.plannedReviewEnd().atStartOfDay(PlatformConfig.ZONE)));
    String body = switch (purpose) {
      case ATTEND -> "您已被随机抽取为" + committee + "的评审专家，评审定于" + days + "进行。请于" + MOMENT.format(answerBy)
          + "前打开以下链接，确认是否出席：" + url;
      case RECUSAL -> committee + "的评议组已组建。请于" + MOMENT.format(answerBy)
          + "前打开以下链接，查看您将审阅的申报人，并申报是否存在须回避的情形：" + url;
      case PLEDGE -> "感谢您确认出席" + committee + "的评审（" + days + "）。请于" + MOMENT.format(answerBy)
          + "前打开以下链接，阅读《评审专家工作守则》并签名确认：" + url;
    };
    return "【职称评审】" + body + " 。此链接仅供您本人使用，请勿转发；评审专家名单保密，请勿向他人透露。";
  }
}
