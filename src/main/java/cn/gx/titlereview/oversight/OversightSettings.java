package cn.gx.titlereview.oversight;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.annotation.Validated;

/**
 * The pass-rate comparison's thresholds ({@code titlereview.oversight.*}, docs/oversight.md).
 *
 * @param minApplicants below this many applicants with results in a year a committee is shown but never flagged: the
 *     normal approximation of the binomial is poor there, and a handful of applicants proves nothing
 * @param minSeriesPeers a series is compared on its own only with at least this many committees of the level in it;
 *     with fewer, against every committee of the level
 */
@Validated
@ConfigurationProperties("titlereview.oversight")
record OversightSettings(@Min(1) int minApplicants, @Min(1) int minSeriesPeers) {

  OversightSettings {
    minApplicants = minApplicants > 0 ? minApplicants : 30;
    minSeriesPeers = minSeriesPeers > 0 ? minSeriesPeers : 5;
  }

  @Configuration
  @EnableConfigurationProperties(OversightSettings.class)
  static class Enable {
  }
}
