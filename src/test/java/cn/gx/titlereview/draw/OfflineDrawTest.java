package cn.gx.titlereview.draw;

import static cn.gx.titlereview.platform.crypto.HashAlgorithm.SM3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import cn.gx.titlereview.draw.ReproducibleDraw.ResultFile;
import cn.gx.titlereview.platform.importing.ImportException;
import cn.gx.titlereview.platform.importing.ImportFile;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.SessionFixture;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** 在不联网的电脑上抽取: the offline program's result counts only if it recomputes from the committed pool. */
@IntegrationTest
class OfflineDrawTest {

  @Autowired SessionFixture fixture;
  @Autowired ExpertDrawService drawService;
  @Autowired OfflineDrawService offlineDraw;
  @Autowired DrawVerification verification;
  @Autowired DrawCommitment commitments;
  @Autowired DrawRepository draws;

  @Test
  void theDrawRecordedIsTheOneMadeOffline() {
    ReviewSession session = committedForOffline();
    ResultFile result = drawOffline(session);
    DrawCommitment.OfflineResult accepted = offlineDraw.accept(session, file(result), "staff1");
    assertThat(accepted.seedHex()).isEqualTo(result.seedHex());

    DrawRepository.Draw draw = drawService.draw(session, 11, 4, 3);
    assertThat(draw.offline()).isTrue();
    assertThat(draw.seedHex()).isEqualTo(result.seedHex());
    assertThat(draw.drawnAt()).isCloseTo(result.drawnAt(), within(1, ChronoUnit.MILLIS));
    List<String> drawnCivil = drawService.drawn(session.id()).stream().filter(d -> d.specialty().equals("土木工程"))
        .sorted(java.util.Comparator.comparingInt(DrawnExpert::drawOrder)).map(DrawnExpert::expertCode).toList();
    assertThat(drawnCivil).isEqualTo(result.orders().get("土木工程").subList(0, drawnCivil.size()));
  }

  @Test
  void theDrawWaitsForTheOfflineResult() {
    ReviewSession session = committedForOffline();
    assertThatThrownBy(() -> drawService.draw(session, 11, 4, 3)).hasMessageContaining("离线抽取结果尚未上传");
  }

  @Test
  void aResultWithTwoExpertsSwappedIsRejectedWhole() {
    ReviewSession session = committedForOffline();
    ResultFile result = drawOffline(session);
    Map<String, List<String>> orders = new HashMap<>(result.orders());
    List<String> civil = new ArrayList<>(orders.get("土木工程"));
    civil.add(0, civil.remove(1));
    orders.put("土木工程", civil);
    assertRejected(session, with(result, orders, result.seedHex(), result.drawnAt()),
        "评议组“土木工程”的抽取顺序与按名单和种子复算的结果不符");
  }

  @Test
  void aSeedThatIsNotTheHashOfItsRandomBytesAndPhraseIsRejected() {
    ReviewSession session = committedForOffline();
    ResultFile result = drawOffline(session);
    String otherSeed = ReproducibleDraw.seedHex(result.randomHex(), "另一句短语", SM3);
    assertRejected(session, with(result, ReproducibleDraw.orders(verification.pool(session).groups(), otherSeed, SM3),
        otherSeed, result.drawnAt()), "随机种子与随机数、短语不符");
  }

  @Test
  void aResultDrawnBeforeTheSupervisorConfirmedIsRejected() {
    ReviewSession session = committedForOffline();
    ResultFile result = drawOffline(session);
    assertRejected(session, with(result, result.orders(), result.seedHex(),
        result.drawnAt().minus(Duration.ofHours(2))), "请核对离线电脑的时钟");
  }

  @Test
  void aResultIsRefusedWhenTheSupervisorChoseTheOnlineDraw() {
    ReviewSession session = fixture.sessionWithRoster();
    drawService.commit(session);
    drawService.confirmCommitment(session, "秉公抽取", "supervisor1");
    ResultFile result = ReproducibleDraw.drawOffline(verification.pool(session), "秉公抽取", new SecureRandom(),
        Instant.now());
    assertRejected(session, result, "选择了在线抽取");
  }

  @Test
  void aFileThatIsNotAResultNamesTheProblem() {
    ReviewSession session = committedForOffline();
    assertThatThrownBy(() -> offlineDraw.accept(session,
        new ImportFile("名单.json", "{\"groups\": 1}".getBytes(StandardCharsets.UTF_8)), "staff1"))
        .isInstanceOf(ImportException.class).hasMessageContaining("不是有效的离线抽取结果文件");
  }

  private ReviewSession committedForOffline() {
    ReviewSession session = fixture.sessionWithRoster();
    drawService.commit(session);
    drawService.confirmForOfflineDraw(session, "supervisor1");
    return session;
  }

  private ResultFile drawOffline(ReviewSession session) {
    return ReproducibleDraw.drawOffline(verification.pool(session), "秉公抽取", new SecureRandom(), Instant.now());
  }

  private void assertRejected(ReviewSession session, ResultFile result, String problem) {
    assertThatThrownBy(() -> offlineDraw.accept(session, file(result), "staff1"))
        .isInstanceOfSatisfying(ImportException.class, e -> assertThat(e.problems()).anyMatch(p -> p.contains(problem)));
    assertThat(commitments.offlineResult(session.id())).isEmpty();
    assertThat(draws.find(session.id())).isEmpty();
  }

  private static ResultFile with(ResultFile r, Map<String, List<String>> orders, String seedHex, Instant drawnAt) {
    return new ResultFile(r.sessionCode(), r.poolHash(), r.randomHex(), r.phrase(), seedHex, drawnAt, orders);
  }

  private static ImportFile file(ResultFile result) {
    try {
      return new ImportFile("结果.json", ReproducibleDraw.FILES.writeValueAsBytes(result));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
