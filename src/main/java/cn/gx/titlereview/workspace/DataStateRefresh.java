package cn.gx.titlereview.workspace;

import cn.gx.titlereview.session.SessionDataChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * After every change to a session's data, its open data tasks show the new state: staff who imported on the
 * 数据工作台 see the count in the form when they come back.
 */
@Component
class DataStateRefresh {

  private final TasklistDisplay tasks;

  DataStateRefresh(TasklistDisplay tasks) {
    this.tasks = tasks;
  }

  @EventListener
  void refresh(SessionDataChanged change) {
    tasks.refresh(change.session());
  }
}
