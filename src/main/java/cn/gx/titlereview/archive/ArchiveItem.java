package cn.gx.titlereview.archive;

import java.util.List;

/** The five archive items of 附件1 材料存档情况, in the form's order and wording. */
public enum ArchiveItem {
  REVIEW_DATA("评审人员的评审材料及全程评审数据"),
  RESULT_AND_VOTE_TABLES("评审结果记录单、评委会表决表（签字盖章扫描）"),
  RECORD_SHEETS("评审情况记录单、随机抽取评委记录单、评审结果复核记录单和核实情况表（签字盖章扫描）"),
  COMPLAINTS("举报件及核实情况（扫描）"),
  MINUTES("会议记录");

  /** Scans, documents and the exported review data; the size limit is spring.servlet.multipart.max-file-size. */
  static final List<String> FILE_TYPES = List.of("pdf", "jpg", "jpeg", "png", "docx", "xlsx", "zip");

  private final String title;

  ArchiveItem(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }
}
