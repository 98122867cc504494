package cn.gx.titlereview.spotcheck;

import cn.gx.titlereview.platform.crypto.HashAlgorithm;
import cn.gx.titlereview.platform.PlatformConfig;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.stereotype.Component;

/** The spot-checks as the record prints them beside the signed content: commitment, reveal and sample. */
@Component
public class SpotCheckView {

  static final DateTimeFormatter TIME = PlatformConfig.MINUTES;

  private final SpotCheckRepository spotChecks;

  public SpotCheckView(SpotCheckRepository spotChecks) {
    this.spotChecks = spotChecks;
  }

  public List<String> lines(long sessionId) {
    return spotChecks.all(sessionId).stream().map(check -> {
      SpotCheck.Commitment c = check.commitment();
      String committed = c == null ? "" : "抽取前于 " + TIME.format(c.committedAt()) + " 承诺名单 " + c.pool().size()
          + " 人（" + check.algorithm().label() + " " + HashAlgorithm.hexOf(c.poolSha256()) + "）和随机数（"
          + check.algorithm().label() + " " + HashAlgorithm.hexOf(c.randomSha256()) + "）；公开随机数 " + c.randomHex()
          + "，核准单位短语“" + check.phrase() + "”；";
      List<String> problems = SpotCheckService.verify(check);
      return "抽查复核第 " + check.attempt() + " 次：比例 " + check.ratioPercent() + "%，" + committed + "种子 "
          + check.seedHex() + "；抽中 " + String.join("、", check.sample()) + "（" + check.drawnBy() + " 于 "
          + TIME.format(check.drawnAt()) + " 抽取；发现问题 " + check.problems() + " 人）；"
          + (problems.isEmpty() ? "按名单和种子复算一致" : String.join("；", problems));
    }).toList();
  }
}
