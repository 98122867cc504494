package cn.gx.titlereview.archive;

import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.workflow.SectionStates;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The archive's section: which of the items to archive are uploaded and which are still missing. */
@Component
class ArchiveSectionStates implements SectionStates {

  private final ArchiveRepository archive;

  ArchiveSectionStates(ArchiveRepository archive) {
    this.archive = archive;
  }

  @Override
  public Set<String> sections() {
    return Set.of("archive");
  }

  @Override
  public List<String> describe(String section, ReviewSession session) {
    Set<String> uploaded = archive.files(session.id()).stream().map(ArchiveRepository.ArchiveFile::item)
        .collect(Collectors.toSet());
    List<String> missing = Arrays.stream(ArchiveItem.values()).filter(i -> !uploaded.contains(i.name()))
        .map(ArchiveItem::title).toList();
    int items = ArchiveItem.values().length;
    return List.of("归档材料 " + items + " 项中已上传 " + (items - missing.size()) + " 项"
        + (missing.isEmpty() ? "" : "；尚缺：" + String.join("；", missing)));
  }
}
