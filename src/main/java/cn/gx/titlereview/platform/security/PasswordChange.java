package cn.gx.titlereview.platform.security;

import cn.gx.titlereview.platform.audit.AuditKind;
import cn.gx.titlereview.platform.audit.AuditTrail;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Change on first login (等级保护: 初始口令须修改): a password that an administrator set, for a new account or as a
 * reset, is known to someone else than the account's holder, who must choose their own before doing anything else.
 * Kept in {@code password_change_required}, written by the engine's user store ({@link ThreeAdministrators}) whenever a
 * password is saved, so that Admin, {@code /engine-rest} and our pages all count.
 */
@Component
class PasswordChange {

  private final JdbcClient jdbc;
  private final IdentityService identityService;
  private final PasswordRulesPlugin rules;
  private final LoginThrottle throttle;
  private final AuditTrail audit;

  PasswordChange(JdbcClient jdbc, IdentityService identityService, PasswordRulesPlugin rules, LoginThrottle throttle,
      AuditTrail audit) {
    this.jdbc = jdbc;
    this.identityService = identityService;
    this.rules = rules;
    this.throttle = throttle;
    this.audit = audit;
  }

  /**
   * A password was saved by {@code caller} (inside the engine's transaction): by the holder, the requirement goes; by
   * anyone else, it comes.
   */
  static void passwordSet(JdbcTemplate jdbc, String user, String caller, Instant at) {
    jdbc.update("delete from password_change_required where user_id = ?", user);
    if (!caller.equals(user)) {
      jdbc.update("insert into password_change_required (user_id, required_since, required_by) values (?, ?, ?)",
          user, Timestamp.from(at), caller);
    }
  }

  boolean required(String user) {
    return jdbc.sql("select count(*) from password_change_required where user_id = ?").param(user)
        .query(Integer.class).single() > 0;
  }

  /**
   * The holder chooses a new password; the answer is why it was refused, in words, or empty once it is saved. Runs as
   * the logged-in user, so the engine's user store sees the holder setting their own password.
   */
  @Transactional
  Optional<String> change(String user, String address, String current, String next, String repeated) {
    try {
      throttle.check(user, address);
    } catch (LoginThrottledException e) {
      return Optional.of(e.getMessage());
    }
    if (current == null || !identityService.checkPassword(user, current)) {
      throttle.failed(user, address);
      audit.record(user, address, AuditKind.LOGIN_FAILED, user, "修改密码时当前密码错误");
      return Optional.of("当前密码不正确");
    }
    if (next == null || !next.equals(repeated)) {
      return Optional.of("两次输入的新密码不一致");
    }
    if (next.equals(current)) {
      return Optional.of("新密码不能与当前密码相同");
    }
    User account = identityService.createUserQuery().userId(user).singleResult();
    Optional<String> refusal = rules.rules().refusal(next, account);
    if (refusal.isPresent()) {
      return refusal;
    }
    account.setPassword(next);
    identityService.saveUser(account);
    return Optional.empty();
  }
}
