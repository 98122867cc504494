package cn.gx.titlereview.platform;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import jakarta.annotation.PostConstruct;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.stereotype.Component;

/**
 * Keeps expected refusals out of the error log. A task listener refuses a completion with a Chinese
 * {@link BadUserRequestException}; the engine wraps it (ENGINE-03051) and its command context logs the wrapper as
 * ENGINE-16004 at ERROR, with a stack trace, for every user who forgot to tick a box. Camunda itself logs an unwrapped
 * BadUserRequestException only at DEBUG. This filter does the same for the wrapped ones: such an event is dropped
 * and the refusal written as one INFO line on {@value #REFUSALS}. Anything else logged as ENGINE-16004 is a real
 * error and stays at ERROR.
 */
@Component
public class RefusalLogFilter extends TurboFilter {

  static final String ENGINE_CONTEXT = "org.camunda.bpm.engine.context";
  public static final String REFUSALS = "cn.gx.titlereview.refusals";

  private final org.slf4j.Logger refusals = LoggerFactory.getLogger(REFUSALS);

  @PostConstruct
  void install() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
        && context.getTurboFilterList().stream().noneMatch(f -> f instanceof RefusalLogFilter)) {
      setName(getClass().getSimpleName());
      start();
      context.addTurboFilter(this);
    }
  }

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (level != Level.ERROR || logger == null || !ENGINE_CONTEXT.equals(logger.getName())) {
      return FilterReply.NEUTRAL;
    }
    Throwable refusal = refusal(t != null ? t : lastThrowable(params));
    if (refusal == null) {
      return FilterReply.NEUTRAL;
    }
    refusals.info("已拒绝的请求（{}）：{}", refusal.getClass().getSimpleName(), refusal.getMessage());
    return FilterReply.DENY;
  }

  /** The refusal in the chain of causes, or null when the error is not one. */
  static Throwable refusal(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof BadUserRequestException || t instanceof AuthorizationException) {
        return t;
      }
    }
    return null;
  }

  private static Throwable lastThrowable(Object[] params) {
    return params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last ? last : null;
  }
}
