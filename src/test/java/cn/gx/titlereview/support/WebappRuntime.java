package cn.gx.titlereview.support;

import org.camunda.bpm.admin.Admin;
import org.camunda.bpm.admin.impl.DefaultAdminRuntimeDelegate;
import org.camunda.bpm.cockpit.Cockpit;
import org.camunda.bpm.cockpit.impl.DefaultCockpitRuntimeDelegate;
import org.camunda.bpm.tasklist.Tasklist;
import org.camunda.bpm.tasklist.impl.DefaultTasklistRuntimeDelegate;
import org.camunda.bpm.welcome.Welcome;
import org.camunda.bpm.welcome.impl.DefaultWelcomeRuntimeDelegate;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Tasklist, Cockpit, Admin and Welcome keep their runtime in JVM-wide fields: each context with the webapps sets them
 * when it starts, and clears them when it closes, which breaks the webapps of every other context of the test JVM.
 * A test that starts contexts of its own with the webapps closes them here, which sets the (stateless) runtime again.
 */
public final class WebappRuntime {

  private WebappRuntime() {
  }

  public static void close(ConfigurableApplicationContext... contexts) {
    try {
      for (ConfigurableApplicationContext context : contexts) {
        if (context != null) {
          context.close();
        }
      }
    } finally {
      // what each app's ContainerBootstrap sets when a context starts
      Cockpit.setCockpitRuntimeDelegate(new DefaultCockpitRuntimeDelegate());
      Admin.setAdminRuntimeDelegate(new DefaultAdminRuntimeDelegate());
      Tasklist.setTasklistRuntimeDelegate(new DefaultTasklistRuntimeDelegate());
      Welcome.setRuntimeDelegate(new DefaultWelcomeRuntimeDelegate());
    }
  }
}
