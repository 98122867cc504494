package cn.gx.titlereview.platform.web;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A refusal by a delegate or listener because the request conflicts with what exists (a session code already
 * taken): Tasklist shows its Chinese message like any refusal; {@code /api} answers 409, not 400.
 */
public class ConflictRefusal extends BadUserRequestException {

  public ConflictRefusal(String message) {
    super(message);
  }
}
