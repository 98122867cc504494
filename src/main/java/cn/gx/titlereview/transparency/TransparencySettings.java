package cn.gx.titlereview.transparency;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code titlereview.transparency}: the log's name on every checkpoint, where checkpoint files are written to be
 * published, and when a checkpoint is signed on schedule (Spring cron, Asia/Shanghai; "-" for never).
 */
@ConfigurationProperties("titlereview.transparency")
public record TransparencySettings(String origin, String checkpointDirectory, String checkpointCron) {

  public TransparencySettings {
    origin = origin != null && !origin.isBlank() ? origin.trim() : "gx.titlereview/log";
    checkpointDirectory = checkpointDirectory != null ? checkpointDirectory : "./data/checkpoints";
    checkpointCron = checkpointCron != null ? checkpointCron : "0 0 * * * *";
  }
}
