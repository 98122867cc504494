package cn.gx.titlereview.region;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.platform.SiteSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The plan's tunable rules and the site's settings: their defaults, and a value out of range stops the start. */
class ReviewRulesTest {

  @Configuration
  @EnableConfigurationProperties({ReviewRules.class, SiteSettings.class})
  static class Settings {
  }

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
      .withUserConfiguration(Settings.class);

  @Test
  void withNothingConfiguredTheRulesAreThePlansDefaults() {
    context.run(started -> {
      ReviewRules rules = started.getBean(ReviewRules.class);
      assertThat(rules.draw().windowDays()).isEqualTo(3);
      assertThat(rules.draw().consecutiveYears()).isEqualTo(3);
      assertThat(rules.publicity().minWorkingDays()).isEqualTo(5);
      assertThat(rules.recusal().categories()).containsExactly("同单位", "近亲属", "师生关系", "合作者", "其他利害关系");
      assertThat(rules.inspection().complaintThreshold()).isEqualTo(3);
      SiteSettings site = started.getBean(SiteSettings.class);
      assertThat(site.link("/calendar")).isEqualTo("http://localhost:8080/calendar");
      assertThat(site.archive().retentionYears()).isEqualTo(30);
    });
  }

  @Test
  void aConfiguredValueIsTakenAndAPublicityBelowTheStatutoryFiveIsRaisedToFive() {
    context.withPropertyValues("titlereview.draw.window-days=5", "titlereview.publicity.working-days=3",
            "titlereview.public-url=https://zc.gxhrss.example/", "titlereview.recusal.categories=同单位,近亲属")
        .run(started -> {
          ReviewRules rules = started.getBean(ReviewRules.class);
          assertThat(rules.draw().windowDays()).isEqualTo(5);
          assertThat(rules.draw().consecutiveYears()).isEqualTo(3);
          assertThat(rules.publicity().minWorkingDays()).isEqualTo(5);
          assertThat(rules.recusal().categories()).containsExactly("同单位", "近亲属");
          assertThat(started.getBean(SiteSettings.class).link("/e/x")).isEqualTo("https://zc.gxhrss.example/e/x");
        });
  }

  @Test
  void aValueOutOfRangeStopsTheStartNamingIt() {
    context.withPropertyValues("titlereview.draw.window-days=0").run(started -> {
      assertThat(started).hasFailed();
      assertThat(started.getStartupFailure()).rootCause().hasMessageContaining("draw.windowDays");
    });
    context.withPropertyValues("titlereview.web.conflict-attempts=-1").run(started -> {
      assertThat(started).hasFailed();
      assertThat(started.getStartupFailure()).rootCause().hasMessageContaining("web.conflictAttempts");
    });
  }
}
