package cn.gx.titlereview.archive;

import static cn.gx.titlereview.platform.PlatformConfig.MINUTES;

import cn.gx.titlereview.archive.ArchiveRepository.ArchiveFile;
import cn.gx.titlereview.workflow.Answer;
import cn.gx.titlereview.workflow.RecordContribution;
import cn.gx.titlereview.workflow.SessionReading;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** 附件1 评审结束·材料存档情况: each archive item with the files uploaded for it, their hashes, who and when. */
@Component
class ArchiveRecordFacts implements RecordContribution {

  private final ArchiveRepository archive;

  ArchiveRecordFacts(ArchiveRepository archive) {
    this.archive = archive;
  }

  @Override
  public Set<String> keys() {
    return Arrays.stream(ArchiveItem.values()).map(ArchiveRecordFacts::key).collect(Collectors.toSet());
  }

  @Override
  public Map<String, Answer> facts(SessionReading reading) {
    Map<String, List<ArchiveFile>> byItem = archive.files(reading.session().id()).stream()
        .collect(Collectors.groupingBy(ArchiveFile::item));
    Map<String, Answer> facts = new HashMap<>();
    for (ArchiveItem item : ArchiveItem.values()) {
      List<ArchiveFile> files = byItem.getOrDefault(item.name(), List.of());
      facts.put(key(item), files.isEmpty() ? Answer.notReached("尚未上传")
          : Answer.yesNo(true, files.stream().map(f -> f.fileName() + "（SHA-256 " + f.sha256().substring(0, 12)
              + "…，" + f.uploadedBy() + " 于 " + MINUTES.format(f.uploadedAt()) + "）").collect(Collectors.joining("；"))));
    }
    return facts;
  }

  private static String key(ArchiveItem item) {
    return "archive." + item.name();
  }
}
