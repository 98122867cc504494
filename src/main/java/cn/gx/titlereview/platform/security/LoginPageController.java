package cn.gx.titlereview.platform.security;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The one login page of the product; Spring Security handles the form it posts. With single sign-on it also offers
 * the province's identity provider, and says why the provider's person was not let in (403).
 */
@Controller
class LoginPageController {

  /** Why a login session was ended (too old, too many sessions of the account): shown once on the login page. */
  static final String ENDED = LoginPageController.class.getName() + ".ended";

  private final LoginThrottle.Settings throttle;
  private final SingleSignOnSettings sso;

  LoginPageController(LoginThrottle.Settings throttle, SingleSignOnSettings sso) {
    this.throttle = throttle;
    this.sso = sso;
  }

  @GetMapping(SecurityConfig.LOGIN_PAGE)
  public String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
      @RequestParam(required = false) String ended, @RequestParam(required = false) String refused,
      HttpSession session, HttpServletResponse response, Model model) {
    if (refused != null) {
      Object failure = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
      session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
      if (failure instanceof SingleSignOnRefused why) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        model.addAttribute("message", why.getMessage());
      } else {
        model.addAttribute("message", "统一身份认证登录未成功，请重试；如仍不成功，请联系系统管理员");
      }
    } else if (error != null) {
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
    if (sso.enabled()) {
      model.addAttribute("ssoUrl", "/oauth2/authorization/" + sso.registration());
      model.addAttribute("ssoLabel", sso.buttonLabel());
    }
    return "login";
  }
}
