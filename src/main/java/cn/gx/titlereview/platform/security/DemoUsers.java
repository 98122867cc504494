package cn.gx.titlereview.platform.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo accounts, one or two per group, with the password {@code demo}. Only in the demo profile;
 * the demo administrator comes from {@code camunda.bpm.admin-user} in {@code application-demo.yaml}.
 */
@Component
@Profile("demo")
@Order(2)
public class DemoUsers implements ApplicationRunner {

  static final String PASSWORD = "demo";

  record DemoUser(String id, String lastName, String firstName, String group) {
  }

  static final List<DemoUser> USERS = List.of(
      new DemoUser("staff1", "李", "工作人员一", Groups.STAFF),
      new DemoUser("staff2", "王", "工作人员二", Groups.STAFF),
      new DemoUser("staff3", "刘", "工作人员三", Groups.STAFF),
      new DemoUser("supervisor1", "赵", "监督员", Groups.SUPERVISOR),
      new DemoUser("unithead1", "陈", "负责人", Groups.UNIT_HEAD),
      new DemoUser("approver1", "黄", "核准员", Groups.APPROVER),
      new DemoUser("depthead1", "周", "主管部门负责人", Groups.DEPT_HEAD));

  private final IdentityService identityService;

  public DemoUsers(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (DemoUser demo : USERS) {
      if (identityService.createUserQuery().userId(demo.id()).count() > 0) {
        continue;
      }
      User user = identityService.newUser(demo.id());
      user.setFirstName(demo.firstName());
      user.setLastName(demo.lastName());
      user.setPassword(PASSWORD);
      user.setEmail(demo.id() + "@demo.invalid");
      identityService.saveUser(user);
      identityService.createMembership(demo.id(), demo.group());
    }
  }
}
