package cn.gx.titlereview.draw;

import cn.gx.titlereview.draw.ReproducibleDraw.ResultFile;
import cn.gx.titlereview.platform.importing.ColumnWidths;
import cn.gx.titlereview.platform.importing.ImportException;
import cn.gx.titlereview.platform.importing.ImportFile;
import cn.gx.titlereview.platform.web.JsonProblems;
import cn.gx.titlereview.session.ReviewSession;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 在不联网的电脑上抽取: accepts the offline program's result file only if it was drawn from this session's committed
 * pool, its seed is SHA-256 of its random bytes and phrase, and every order recomputes. The draw task then applies
 * its seed, so the recorded draw is the one made offline.
 */
@Service
public class OfflineDrawService {

  private final ExpertDrawService drawService;
  private final DrawVerification verification;
  private final DrawCommitment commitments;
  private final DrawRepository draws;
  private final Clock clock;
  private final ColumnWidths widths;

  public OfflineDrawService(ExpertDrawService drawService, DrawVerification verification,
      DrawCommitment commitments, DrawRepository draws, Clock clock, ColumnWidths widths) {
    this.drawService = drawService;
    this.verification = verification;
    this.commitments = commitments;
    this.draws = draws;
    this.clock = clock;
    this.widths = widths;
  }

  @Transactional
  public DrawCommitment.OfflineResult accept(ReviewSession session, ImportFile file, String user) {
    if (draws.find(session.id()).isPresent()) {
      throw new ImportException(List.of("评审会 " + session.code() + " 已抽取过专家，不能再上传离线结果"));
    }
    ReproducibleDraw.PoolFile pool = verification.pool(session);
    DrawCommitment.Commitment commitment;
    try {
      commitment = drawService.confirmedCommitment(session, pool.poolHash());
    } catch (IllegalStateException e) {
      throw new ImportException(List.of(e.getMessage()));
    }
    if (!commitment.offline()) {
      throw new ImportException(List.of("监督员确认抽取承诺时选择了在线抽取，不接受离线结果文件"));
    }
    ResultFile result = read(file);
    List<String> problems = new ArrayList<>();
    if (result.sessionCode() != null && !result.sessionCode().equals(session.code())) {
      problems.add("结果文件属于评审会 " + result.sessionCode() + "，不是 " + session.code());
    }
    widths.check(problems, "phrase", result.phrase(), "offline_draw_result.phrase");
    widths.check(problems, "randomHex", result.randomHex(), "offline_draw_result.random_hex");
    problems.addAll(ReproducibleDraw.problems(pool, result));
    Instant now = clock.instant();
    if (result.drawnAt() != null
        && (result.drawnAt().isBefore(commitment.confirmedAt()) || result.drawnAt().isAfter(now))) {
      problems.add("结果文件的抽取时间 " + result.drawnAt() + " 不在监督员确认承诺（" + commitment.confirmedAt()
          + "）与上传（" + now + "）之间：请核对离线电脑的时钟后重新抽取");
    }
    if (!problems.isEmpty()) {
      throw new ImportException(problems);
    }
    DrawCommitment.OfflineResult accepted = new DrawCommitment.OfflineResult(file.sha256(), result.randomHex(),
        result.phrase(), result.seedHex(), result.drawnAt(), user, now);
    commitments.saveOfflineResult(session.id(), result.poolHash(), accepted);
    return accepted;
  }

  private static ResultFile read(ImportFile file) {
    try {
      return ReproducibleDraw.FILES.readValue(file.content(), ResultFile.class);
    } catch (JsonProcessingException e) {
      throw new ImportException(List.of("文件 " + file.fileName() + " 不是有效的离线抽取结果文件：" + JsonProblems.describe(e)));
    } catch (IOException e) {
      throw new ImportException(List.of("文件 " + file.fileName() + " 无法读取"));
    }
  }
}
