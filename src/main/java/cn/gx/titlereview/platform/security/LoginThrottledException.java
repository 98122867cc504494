package cn.gx.titlereview.platform.security;

import org.springframework.security.core.AuthenticationException;

/** A login refused before its password is checked, because the account or the address must wait. */
class LoginThrottledException extends AuthenticationException {

  private final long retryAfterSeconds;

  LoginThrottledException(long retryAfterSeconds) {
    super("登录失败次数过多，请 " + retryAfterSeconds + " 秒后再试");
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
