package cn.gx.titlereview.expert;

import cn.gx.titlereview.platform.PlatformConfig;
import cn.gx.titlereview.platform.web.BusinessException;
import cn.gx.titlereview.preparation.Applicant;
import cn.gx.titlereview.review.RecusalService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The expert's pages, reached through his one-time link without an account (platform/security/SecurityConfig lets
 * {@code /e/**} through, and only that): 出席确认, 回避申报 or 工作守则确认, by the link's purpose. Mobile first, plain
 * Chinese; each shows the expert's own notice and nothing of anyone else. The form posts to the link itself, whose
 * unguessable token is what a forged request from another site cannot know.
 */
@Controller
class ExpertPageController {

  static final String PATH = "/e/";

  private final ExpertSelfService self;

  ExpertPageController(ExpertSelfService self) {
    this.self = self;
  }

  @GetMapping(PATH + "{token}")
  public String page(@PathVariable String token, HttpServletRequest request, Model model) {
    ExpertSelfService.Visit visit = self.open(token, request.getRemoteAddr());
    return form(visit, model, null);
  }

  @PostMapping(PATH + "{token}")
  public String answer(@PathVariable String token, @RequestParam MultiValueMap<String, String> form,
      HttpServletRequest request, HttpServletResponse response, Model model) {
    String address = request.getRemoteAddr();
    ExpertSelfService.Visit visit = self.open(token, address);
    try {
      switch (visit.link().purpose()) {
        case ATTEND -> {
          boolean accepted = "attend".equals(form.getFirst("answer"));
          if (!accepted && !"decline".equals(form.getFirst("answer"))) {
            throw BusinessException.badRequest("请选择“出席”或“不出席”");
          }
          var answered = self.attend(token, address, accepted, form.getFirst("reason"));
          model.addAttribute("done", accepted ? "您已确认出席。我们随后会把《评审专家工作守则》的确认链接发送给您。"
              : "您已答复不出席，原因：" + answered.declineReason() + "。感谢您的答复。");
        }
        case RECUSAL -> {
          int conflicts = self.declare(token, address, conflicts(visit, form));
          model.addAttribute("done", conflicts == 0 ? "您已申报：与所列申报人均无须回避的情形。"
              : "您已申报须回避 " + conflicts + " 项。评审时您将不审阅、不表决上述申报人。");
        }
        case PLEDGE -> {
          if (form.getFirst("confirm") == null) {
            throw BusinessException.badRequest("请勾选“本人已阅知以上内容并将在评审工作中严格遵守”");
          }
          var text = self.pledge(token, address, form.getFirst("name"));
          model.addAttribute("done", "您已签名确认《" + text.title() + "》。");
        }
        default -> throw new IllegalStateException();
      }
    } catch (BusinessException refused) {
      response.setStatus(refused.status().value());
      return form(visit, model, refused.getMessage());
    }
    model.addAttribute("title", visit.link().purpose().title());
    model.addAttribute("committee", visit.session().reviewYear() + "年度" + visit.session().committeeName());
    return "expert-done";
  }

  @ExceptionHandler(LinkRefusal.class)
  public String refused(LinkRefusal refusal, HttpServletRequest request, HttpServletResponse response, Model model) {
    self.logRefusal(refusal, request.getRemoteAddr());
    LinkRefusal shown = self.explain(refusal);
    response.setStatus(shown.reason().status.value());
    model.addAttribute("title", shown.reason().title);
    model.addAttribute("message", shown.getMessage());
    model.addAttribute("reason", shown.reason().name());
    return "expert-refused";
  }

  private String form(ExpertSelfService.Visit visit, Model model, String error) {
    var session = visit.session();
    model.addAttribute("error", error);
    model.addAttribute("name", visit.expert().name());
    model.addAttribute("committee", session.reviewYear() + "年度" + session.committeeName());
    model.addAttribute("days", session.plannedReviewStart() + (session.plannedReviewEnd()
        .equals(session.plannedReviewStart()) ? "" : " 至 " + session.plannedReviewEnd()));
    model.addAttribute("expires", PlatformConfig.MINUTES.format(self.expiresAt(visit)));
    return switch (visit.link().purpose()) {
      case ATTEND -> "expert-attend";
      case RECUSAL -> {
        model.addAttribute("applicants", self.applicants(visit).stream()
            .map(a -> new Person(a.id(), a.name(), a.employer(), a.specialty())).toList());
        model.addAttribute("categories", self.categories());
        yield "expert-recusal";
      }
      case PLEDGE -> {
        model.addAttribute("text", self.pledgeText(visit));
        yield "expert-pledge";
      }
    };
  }

  /** What the 回避申报 page shows of an applicant, and no more: 姓名、工作单位、专业. */
  record Person(long id, String name, String employer, String specialty) {
  }

  /**
   * The conflicts ticked: field {@code c<id>} holds the category (empty: none), {@code n<id>} the words. A declaration
   * of none must say so ({@code none}), so that an untouched form is not taken for one.
   */
  private Map<Long, RecusalService.Conflict> conflicts(ExpertSelfService.Visit visit,
      MultiValueMap<String, String> form) {
    Map<Long, RecusalService.Conflict> conflicts = new LinkedHashMap<>();
    List<Applicant> his = self.applicants(visit);
    for (Applicant a : his) {
      String category = form.getFirst("c" + a.id());
      if (category != null && !category.isBlank()) {
        conflicts.put(a.id(), new RecusalService.Conflict(category, form.getFirst("n" + a.id())));
      }
    }
    if (conflicts.isEmpty() && form.getFirst("none") == null) {
      throw BusinessException.badRequest("请为须回避的申报人选择回避情形，或勾选“与以上申报人均无须回避的情形”");
    }
    if (!conflicts.isEmpty() && form.getFirst("none") != null) {
      throw BusinessException.badRequest("您既选择了回避情形，又勾选了“均无须回避”，请核对后再提交");
    }
    return conflicts;
  }
}
