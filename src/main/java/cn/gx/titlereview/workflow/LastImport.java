package cn.gx.titlereview.workflow;

import cn.gx.titlereview.platform.PlatformConfig;
import cn.gx.titlereview.platform.importing.ImportBatchRepository;
import cn.gx.titlereview.region.PersonNames;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The line a section shows for its list's latest import: who, when, which file, how many rows. */
@Component
public class LastImport {

  private final ImportBatchRepository batches;
  private final PersonNames names;

  LastImport(ImportBatchRepository batches, PersonNames names) {
    this.batches = batches;
    this.names = names;
  }

  public Optional<String> line(long sessionId, String kind) {
    return batches.latest(sessionId, kind).map(b -> "最近一次导入：" + names.label(b.importedBy()) + "，"
        + PlatformConfig.MINUTES.format(b.importedAt()) + "，文件 " + b.fileName() + "，" + b.rowCount() + " 行");
  }
}
