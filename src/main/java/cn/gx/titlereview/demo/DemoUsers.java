package cn.gx.titlereview.demo;

import cn.gx.titlereview.platform.security.Groups;
import cn.gx.titlereview.region.PersonNames;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo accounts of the demo region ({@link DemoRegion}), with the password {@code demo}: three staff, a supervisor
 * and a unit head in each of two units, the approvers of two cities and of the region, a department head, an
 * operator, and the three administrators (system, security, audit). Only in the demo profile; the demo
 * administrator comes from {@code camunda.bpm.admin-user} in
 * {@code application-demo.yaml}.
 */
@Component
@Profile("demo")
@Order(2)
class DemoUsers implements ApplicationRunner {

  static final String PASSWORD = "demo";

  /** 姓 goes into the engine's first name and 名 into its last name (see {@link PersonNames}). */
  record DemoUser(String id, String surname, String givenName, String group) {
  }

  static final List<DemoUser> USERS = List.of(
      new DemoUser("staff1", "李", "明", Groups.STAFF),
      new DemoUser("staff2", "王", "芳", Groups.STAFF),
      new DemoUser("staff3", "刘", "洋", Groups.STAFF),
      new DemoUser("staff4", "张", "丽", Groups.STAFF),
      new DemoUser("staff5", "杨", "帆", Groups.STAFF),
      new DemoUser("staff6", "吴", "昊", Groups.STAFF),
      new DemoUser("supervisor1", "赵", "强", Groups.SUPERVISOR),
      new DemoUser("supervisor2", "韦", "宁", Groups.SUPERVISOR),
      new DemoUser("unithead1", "陈", "静", Groups.UNIT_HEAD),
      new DemoUser("unithead2", "蒙", "涛", Groups.UNIT_HEAD),
      new DemoUser("approver1", "黄", "伟", Groups.APPROVER),
      new DemoUser("nn-approver1", "梁", "斌", Groups.APPROVER),
      new DemoUser("gl-approver1", "覃", "雪", Groups.APPROVER),
      new DemoUser("depthead1", "周", "敏", Groups.DEPT_HEAD),
      new DemoUser("monitor1", "孙", "磊", Groups.MONITORING),
      // 三员分立: one account for each of the three administrators (docs/audit.md).
      new DemoUser("sysadmin1", "莫", "凡", Groups.SYSTEM_ADMIN),
      new DemoUser("secadmin1", "农", "静", Groups.SECURITY_ADMIN),
      new DemoUser("auditor1", "甘", "露", Groups.AUDIT_ADMIN));

  private final IdentityService identityService;

  DemoUsers(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (DemoUser demo : USERS) {
      if (identityService.createUserQuery().userId(demo.id()).count() > 0) {
        continue;
      }
      User user = identityService.newUser(demo.id());
      user.setFirstName(demo.surname());
      user.setLastName(demo.givenName());
      user.setPassword(PASSWORD);
      user.setEmail(demo.id() + "@demo.invalid");
      // "demo" breaks the password rules on purpose (it is refused outside the demo profile): the demo's own accounts
      // skip them, every other password set later meets them.
      ((IdentityServiceImpl) identityService).saveUser(user, true);
      identityService.createMembership(demo.id(), demo.group());
    }
  }
}
