package cn.gx.titlereview.platform.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;

/**
 * When a task listener refuses a completion (our listeners throw {@link BadUserRequestException} with a Chinese
 * message), the engine wraps it ("ENGINE-03051 There was an exception while invoking the TaskListener…") and the
 * REST API wraps it again ("Cannot complete task …") as a 500. This answers 400 with the Chinese message alone,
 * so that Tasklist shows the user only what to correct. Everything else is answered as Camunda does.
 */
@Priority(1)
public class RefusalExceptionMapper implements ExceptionMapper<RestException> {

  private final RestExceptionHandler camunda = new RestExceptionHandler();

  @Override
  public Response toResponse(RestException exception) {
    for (Throwable t = exception; t != null; t = t.getCause()) {
      if (t instanceof BadUserRequestException refusal) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
            .entity(Map.of("type", "BadUserRequestException", "message", refusal.getMessage())).build();
      }
    }
    return camunda.toResponse(exception);
  }
}
