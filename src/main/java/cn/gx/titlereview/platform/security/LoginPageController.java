package cn.gx.titlereview.platform.security;

import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The one login page of the product; Spring Security handles the form it posts. */
@Controller
class LoginPageController {

  /** Why a login session was ended (too old, too many sessions of the account): shown once on the login page. */
  static final String ENDED = LoginPageController.class.getName() + ".ended";

  private final LoginThrottle.Settings throttle;

  LoginPageController(LoginThrottle.Settings throttle) {
    this.throttle = throttle;
  }

  @GetMapping(SecurityConfig.LOGIN_PAGE)
  public String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
      @RequestParam(required = false) String ended,
      HttpSession session, Model model) {
    if (error != null) {
      Object failure = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
      model.addAttribute("message", failure instanceof LoginThrottledException throttled ? throttled.getMessage()
          : failure instanceof AuthenticationException ? "用户名或密码错误" : "登录未成功，请重试");
    } else if (ended != null) {
      Object reason = session.getAttribute(ENDED);
      session.removeAttribute(ENDED);
      model.addAttribute("message", reason != null ? reason : "登录已结束，请重新登录");
    } else if (logout != null) {
      model.addAttribute("notice", "您已退出登录");
    }
    model.addAttribute("maxWaitSeconds", throttle.maxDelay().toSeconds());
    return "login";
  }
}
