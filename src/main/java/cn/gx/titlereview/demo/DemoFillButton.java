package cn.gx.titlereview.demo;

import cn.gx.titlereview.workspace.WorkspacePageController;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Demo profile only: the 数据工作台 offers a button that does the open task's data work, for a tour without files. */
@ControllerAdvice(assignableTypes = WorkspacePageController.class)
@Profile("demo")
class DemoFillButton {

  @ModelAttribute("demoFill")
  public boolean demoFill() {
    return true;
  }
}
