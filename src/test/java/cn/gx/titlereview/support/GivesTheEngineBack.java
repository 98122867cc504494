package cn.gx.titlereview.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For a test class with a context of its own and the webapps ({@code @DirtiesContext} after the class): its engine,
 * also named "default", replaces the other contexts' in the JVM-wide registry that {@code /engine-rest} and the
 * webapps ask, and closing it clears the webapps' runtime. Declared before {@code @IntegrationTest}, so that it runs
 * after Spring has closed the context: gives the other contexts' engine and the webapps' runtime back.
 */
public final class GivesTheEngineBack implements BeforeAllCallback, AfterAllCallback {

  private ProcessEngine others;

  @Override
  public void beforeAll(ExtensionContext context) {
    others = ProcessEngines.getProcessEngine(ProcessEngines.NAME_DEFAULT, false);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    WebappRuntime.close();
    if (others != null) {
      ProcessEngines.registerProcessEngine(others);
    }
  }
}
