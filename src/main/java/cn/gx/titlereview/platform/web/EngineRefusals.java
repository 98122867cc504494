package cn.gx.titlereview.platform.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.camunda.bpm.engine.rest.exception.JsonMappingExceptionHandler;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;
import org.springframework.transaction.TransactionException;

/**
 * How the engine's REST API answers a refusal, at both its doors: {@code /engine-rest} and the webapps' own
 * ({@code /camunda/api/engine}, which Tasklist uses). Our task listeners refuse with a Chinese
 * {@link BadUserRequestException}; the engine wraps it ("ENGINE-03051 There was an exception while invoking the
 * TaskListener…") and the REST layer wraps it again, as a 500. Here the user gets the Chinese message alone:
 * <ul>
 *   <li>a listener's refusal → 400;</li>
 *   <li>a missing authorization → 403, in Chinese;</li>
 *   <li>two requests racing on one task → 409;</li>
 *   <li>a body past the upload limit → 413;</li>
 *   <li>the database away → 503.</li>
 * </ul>
 * Everything else is answered as Camunda does. Jersey finds this through {@code META-INF/services} (an
 * {@link AutoDiscoverable}), so every JAX-RS application of the engine and the webapps gets it.
 */
public final class EngineRefusals implements AutoDiscoverable {

  @Override
  public void configure(FeatureContext context) {
    context.register(ForRestExceptions.class);
    context.register(ForEngineExceptions.class);
    context.register(ForJsonMappingExceptions.class);
    context.register(ForTooLargeBodies.class);
    context.register(ForTransactionFailures.class);
  }

  /** Our answer to a refusal in the chain of causes, else Camunda's. */
  abstract static class OrCamunda<E extends Throwable> implements ExceptionMapper<E> {

    private final ExceptionMapper<E> camunda;

    OrCamunda(ExceptionMapper<E> camunda) {
      this.camunda = camunda;
    }

    @Override
    public Response toResponse(E exception) {
      Response refusal = refusal(exception);
      return refusal != null ? refusal : camunda.toResponse(exception);
    }
  }

  @Priority(1)
  public static class ForRestExceptions extends OrCamunda<RestException> {

    public ForRestExceptions() {
      super(new RestExceptionHandler());
    }
  }

  @Priority(1)
  public static class ForEngineExceptions extends OrCamunda<ProcessEngineException> {

    public ForEngineExceptions() {
      super(new ProcessEngineExceptionHandler());
    }
  }

  /** Jackson wraps what the body's stream throws (a body past the limit) into a mapping exception. */
  @Priority(1)
  public static class ForJsonMappingExceptions extends OrCamunda<JsonMappingException> {

    public ForJsonMappingExceptions() {
      super(new JsonMappingExceptionHandler());
    }
  }

  /** A body past the upload limit ({@link RequestBodyLimit}), which would otherwise be Camunda's 500. */
  @Priority(1)
  public static class ForTooLargeBodies implements ExceptionMapper<RequestBodyLimit.TooLarge> {

    @Override
    public Response toResponse(RequestBodyLimit.TooLarge exception) {
      return refusal(exception);
    }
  }

  /**
   * Spring's transaction manager, which the engine's commands run under, fails to begin when the database is away:
   * 503 in Chinese (a client may retry), where the exception used to escape Jersey to the error page.
   */
  @Priority(1)
  public static class ForTransactionFailures extends OrCamunda<TransactionException> {

    public ForTransactionFailures() {
      super(new ExceptionHandler()::toResponse);
    }
  }

  /** Our answer to the first refusal in the chain of causes ({@link Refusal}), or null to answer as Camunda does. */
  static Response refusal(Throwable exception) {
    return Refusal.in(exception)
        .map(r -> answer(Response.Status.fromStatusCode(r.status().value()), r.type(), r.message())).orElse(null);
  }

  private static Response answer(Response.Status status, String type, String message) {
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("type", type, "message", message)).build();
  }
}
