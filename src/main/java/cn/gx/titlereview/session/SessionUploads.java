package cn.gx.titlereview.session;

import cn.gx.titlereview.platform.importing.ImportException;
import cn.gx.titlereview.platform.importing.ImportFile;
import cn.gx.titlereview.platform.importing.UploadReader;
import cn.gx.titlereview.platform.security.CurrentUser;
import cn.gx.titlereview.platform.web.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.function.ToIntFunction;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The one way a list reaches a session: the upload is read, imported, and {@link ListUploaded} is published whether
 * it was accepted or refused (the 数据工作台's import history listens).
 */
@Component
public class SessionUploads {

  private final ApplicationEventPublisher events;
  private final CurrentUser currentUser;

  SessionUploads(ApplicationEventPublisher events, CurrentUser currentUser) {
    this.events = events;
    this.currentUser = currentUser;
  }

  /** Imports the request's list into the session; answers the rows the importer counted. */
  public int accept(ReviewSession session, String list, HttpServletRequest request,
      ToIntFunction<ImportFile> importer) {
    ImportFile file = UploadReader.read(request);
    int rows;
    try {
      rows = importer.applyAsInt(file);
    } catch (ImportException e) {
      refused(session, list, file, e.problems().isEmpty() ? List.of(e.getMessage()) : e.problems());
      throw e;
    } catch (RuntimeException e) {
      Refusal.in(e).ifPresent(refusal -> refused(session, list, file, List.of(refusal.message())));
      throw e;
    }
    events.publishEvent(new ListUploaded(session.id(), list, file, rows, List.of(), currentUser.id()));
    return rows;
  }

  private void refused(ReviewSession session, String list, ImportFile file, List<String> problems) {
    events.publishEvent(new ListUploaded(session.id(), list, file, null, problems, currentUser.id()));
  }
}
