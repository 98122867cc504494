package cn.gx.titlereview.expert;

/** What a one-time link is for: each purpose has its page, its notice and its one final answer. */
enum LinkPurpose {
  ATTEND("出席确认"),
  RECUSAL("回避申报"),
  PLEDGE("工作守则确认");

  private final String title;

  LinkPurpose(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }
}
