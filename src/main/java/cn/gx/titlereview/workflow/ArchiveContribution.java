package cn.gx.titlereview.workflow;

import cn.gx.titlereview.session.ReviewSession;
import java.util.List;

/**
 * What a stage puts into the session's archive package (监管方案 二（二）3 材料存档) besides the files staff
 * uploaded: the documents it generates from its data, and the scans it holds. The archive collects every
 * contribution in {@code @Order}, so that it needs to know no stage, as the gates need no stage to run them.
 */
public interface ArchiveContribution {

  List<ArchivedDocument> documents(ReviewSession session);

  /**
   * One entry of the package: {@code path} inside the .zip (never anything a user typed), the archive item it
   * belongs to, and the uploader's own file name where there is one (for display only).
   */
  record ArchivedDocument(String path, String item, String displayName, byte[] content) {

    public static ArchivedDocument generated(String path, String item, byte[] content) {
      return new ArchivedDocument(path, item, null, content);
    }
  }
}
