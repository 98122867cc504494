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

  private final LoginThrottle.Settings throttle;

  LoginPageController(LoginThrottle.Settings throttle) {
    this.throttle = throttle;
  }

  @GetMapping(SecurityConfig.LOGIN_PAGE)
  public String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
      HttpSession session, Model model) {
    if (error != null) {
      Object failure = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
      model.addAttribute("message", failure instanceof LoginThrottledException throttled ? throttled.getMessage()
          : failure instanceof AuthenticationException ? "用户名或密码错误" : "登录未成功，请重试");
    } else if (logout != null) {
      model.addAttribute("notice", "您已退出登录");
    }
    model.addAttribute("maxWaitSeconds", throttle.maxDelay().toSeconds());
    return "login";
  }
}
