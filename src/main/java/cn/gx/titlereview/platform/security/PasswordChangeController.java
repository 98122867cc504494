package cn.gx.titlereview.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The page where a person sets their own password: required after an administrator set it, open to anyone. */
@Controller
class PasswordChangeController {

  private final PasswordChange change;
  private final AccountHygiene hygiene;

  PasswordChangeController(PasswordChange change, AccountHygiene hygiene) {
    this.change = change;
    this.hygiene = hygiene;
  }

  @GetMapping(PasswordChangeFirst.PAGE)
  public String page(Principal user, Model model) {
    return show(user, model, null);
  }

  @PostMapping(PasswordChangeFirst.PAGE)
  public String change(Principal user, @RequestParam(required = false) String current,
      @RequestParam(required = false) String password, @RequestParam(required = false) String repeated,
      HttpServletRequest request, Model model) {
    Optional<String> refusal = change.change(user.getName(), request.getRemoteAddr(), current, password, repeated);
    if (refusal.isPresent()) {
      return show(user, model, refusal.get());
    }
    return "redirect:/";
  }

  private String show(Principal user, Model model, String message) {
    model.addAttribute("required", change.required(user.getName()));
    model.addAttribute("minLength", hygiene.passwordMinLength());
    model.addAttribute("message", message);
    return "password";
  }
}
