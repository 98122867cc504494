package cn.gx.titlereview.region;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The plan's rules a region may tune ({@code titlereview.*} in application.yaml), in one place and checked at start:
 * a value out of range stops the application with a message naming it, instead of a gate deciding on it later.
 *
 * @param draw 按规定时间抽取: the draw window; 前三年连续出席: the years of attendance that mask an expert
 * @param publicity the minimum publicity period in working days (never below the statutory five)
 * @param recusal the recusal categories offered to experts and staff (附件2 七)
 * @param spotCheck the share of sampled applicants with problems above which the results go back to recheck
 * @param inspection the complaints about one committee in a year from which an on-site inspection is proposed
 */
@Validated
@ConfigurationProperties("titlereview")
public record ReviewRules(@DefaultValue @Valid Draw draw, @DefaultValue @Valid Publicity publicity,
    @DefaultValue @Valid Recusal recusal, @DefaultValue @Valid SpotCheck spotCheck,
    @DefaultValue @Valid Inspection inspection) {

  public record Draw(@DefaultValue("3") @Positive int windowDays, @DefaultValue("3") @Positive int consecutiveYears) {

    /** The first day of the draw window for a review that starts on the given day. */
    public LocalDate windowOpens(LocalDate plannedReviewStart) {
      return plannedReviewStart.minusDays(windowDays);
    }
  }

  public record Publicity(@DefaultValue("5") @Positive int workingDays) {

    public static final int STATUTORY_MIN_WORKING_DAYS = 5;

    /** A configured value below the statutory five is raised to five. */
    public int minWorkingDays() {
      return Math.max(STATUTORY_MIN_WORKING_DAYS, workingDays);
    }
  }

  public record Recusal(@DefaultValue({"同单位", "近亲属", "师生关系", "合作者", "其他利害关系"}) @NotEmpty
      List<String> categories) {
  }

  public record SpotCheck(@DefaultValue("0") @PositiveOrZero int problemThresholdPercent) {
  }

  public record Inspection(@DefaultValue("3") @Positive int complaintThreshold) {
  }
}
