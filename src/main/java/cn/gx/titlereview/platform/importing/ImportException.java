package cn.gx.titlereview.platform.importing;

import java.util.List;

/** The whole file is rejected; each problem names its row and column. Nothing was written. */
public class ImportException extends RuntimeException {

  private final List<String> problems;

  public ImportException(List<String> problems) {
    super("导入被拒绝，未写入任何数据：共 " + problems.size() + " 处问题。" + problems.get(0)
        + (problems.size() > 1 ? " 等" : ""));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
