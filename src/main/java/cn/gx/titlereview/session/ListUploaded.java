package cn.gx.titlereview.session;

import cn.gx.titlereview.platform.importing.ImportFile;
import java.util.List;

/**
 * A list was uploaded to a session, accepted or refused (then {@code rows} is null and {@code problems} says why).
 * Published after the import's own transaction, so that a refusal, which writes nothing, is still heard.
 *
 * @param list the list's name as the workspace knows it: the path after the session ({@code draw/responses})
 */
public record ListUploaded(long sessionId, String list, ImportFile file, Integer rows, List<String> problems,
    String user) {

  public boolean accepted() {
    return problems.isEmpty();
  }
}
