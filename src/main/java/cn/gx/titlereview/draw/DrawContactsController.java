package cn.gx.titlereview.draw;

import cn.gx.titlereview.platform.PlatformConfig;
import cn.gx.titlereview.platform.security.Groups;
import cn.gx.titlereview.platform.web.BusinessException;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionAccess;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * 评委联系方式: the drawn experts' whole telephone numbers and e-mail addresses, for the session's own staff who
 * must reach them, after the draw only; each read is written to the audit trail (docs/library.md). Everyone else
 * sees contacts masked, everywhere.
 */
@Controller
class DrawContactsController {

  /** A drawn expert and how to reach him. */
  public record DrawnContact(int drawOrder, String role, String expertCode, String name, String specialty,
      String phone, String email) {
  }

  private final SessionAccess access;
  private final DrawRepository draws;
  private final RosterRepository roster;
  private final Clock clock;

  DrawContactsController(SessionAccess access, DrawRepository draws, RosterRepository roster, Clock clock) {
    this.access = access;
    this.draws = draws;
    this.roster = roster;
    this.clock = clock;
  }

  @GetMapping("/api/sessions/{code}/draw/contacts")
  @ResponseBody
  public List<DrawnContact> contacts(@PathVariable String code) {
    return read(code);
  }

  @GetMapping("/sessions/{code}/draw/contacts")
  String page(@PathVariable String code, Model model) {
    List<DrawnContact> contacts = read(code);
    model.addAttribute("reviewSession", access.forGroups(code, Groups.STAFF));
    model.addAttribute("contacts", contacts);
    model.addAttribute("now", PlatformConfig.MINUTES.format(clock.instant()));
    return "draw-contacts";
  }

  private List<DrawnContact> read(String code) {
    ReviewSession session = access.forGroups(code, Groups.STAFF, Groups.SUPERVISOR);
    if (!access.isOnStaff(session)) {
      throw BusinessException.forbidden("评委的完整联系方式只提供给评审会 " + session.code() + " 的工作人员，用于通知评委");
    }
    if (draws.find(session.id()).isEmpty()) {
      throw BusinessException.conflict("评审会 " + session.code() + " 尚未抽取评委，没有可联系的评委");
    }
    access.forConfidential(code, "评委联系方式（完整电话和邮箱）");
    List<DrawnExpert> drawn = draws.drawn(session.id());
    var byId = roster.contacts(session.id(), drawn.stream().map(DrawnExpert::expertId).toList()).stream()
        .collect(java.util.stream.Collectors.toMap(RosterRepository.Contact::expertId, c -> c));
    return drawn.stream().map(d -> {
      RosterRepository.Contact c = byId.get(d.expertId());
      return new DrawnContact(d.drawOrder(), DrawnExpert.MEMBER.equals(d.role()) ? "评委" : "候补", d.expertCode(),
          d.name(), d.specialty(), c == null ? null : c.phone(), c == null ? null : c.email());
    }).toList();
  }
}
