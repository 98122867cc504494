package cn.gx.titlereview.transparency;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** On schedule (hourly by default), a checkpoint of the log if it grew since the last one. */
@Component
class CheckpointSchedule {

  private static final Logger log = LoggerFactory.getLogger(CheckpointSchedule.class);

  private final TransparencyLog transparencyLog;

  CheckpointSchedule(TransparencyLog transparencyLog) {
    this.transparencyLog = transparencyLog;
  }

  @Scheduled(cron = "${titlereview.transparency.checkpoint-cron:0 0 * * * *}", zone = "Asia/Shanghai")
  void checkpoint() {
    long size = transparencyLog.size();
    if (size == 0 || transparencyLog.latestCheckpoint().map(c -> c.size() >= size).orElse(false)) {
      return;
    }
    try {
      Checkpoint made = transparencyLog.checkpoint();
      log.info("透明日志检查点：{} 条记录，根哈希 {}", made.size(), made.rootHash());
    } catch (DuplicateKeyException e) {
      // Another node signed the same size meanwhile: the log has its checkpoint.
    } catch (TransparencyLog.LogInconsistent e) {
      log.error(e.getMessage());
    }
  }
}
