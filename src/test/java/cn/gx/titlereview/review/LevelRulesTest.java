package cn.gx.titlereview.review;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A level's row is evaluated once per version: a designer's new version counts at the next call, and is undone. */
@IntegrationTest
class LevelRulesTest {

  @Autowired LevelRules levelRules;
  @Autowired RepositoryService repositoryService;

  @Test
  void aNewVersionOfTheTableCountsAtTheNextCall() throws Exception {
    assertThat(levelRules.row("ReviewTimeRules", "正高")).get().extracting(r -> r.get("minMinutesPerApplicant"))
        .isEqualTo(10);
    assertThat(levelRules.row("ReviewTimeRules", "不存在的级别")).isEmpty();

    String changed = Files.readString(Path.of("bpmn/ReviewTimeRules.dmn"), StandardCharsets.UTF_8)
        .replace("<outputEntry id=\"OutputEntry_Senior\"><text>10</text>",
            "<outputEntry id=\"OutputEntry_Senior\"><text>12</text>");
    Deployment deployment = repositoryService.createDeployment().name("LevelRulesTest")
        .addString("ReviewTimeRules.dmn", changed).deploy();
    try {
      assertThat(levelRules.row("ReviewTimeRules", "正高")).get().extracting(r -> r.get("minMinutesPerApplicant"))
          .isEqualTo(12);
    } finally {
      repositoryService.deleteDeployment(deployment.getId(), true);
    }
    assertThat(levelRules.row("ReviewTimeRules", "正高")).get().extracting(r -> r.get("minMinutesPerApplicant"))
        .isEqualTo(10);
  }
}
