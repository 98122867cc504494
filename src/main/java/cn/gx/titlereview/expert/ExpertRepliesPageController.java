package cn.gx.titlereview.expert;

import cn.gx.titlereview.platform.PlatformConfig;
import cn.gx.titlereview.platform.security.Groups;
import cn.gx.titlereview.region.PersonNames;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionAccess;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * 专家答复情况 and 电话通知单: the experts' replies as they come, the links, the contact log; and the printable list of
 * whom to telephone. Both name experts: the session's staff and the supervisors only; supervisors read, staff act.
 */
@Controller
class ExpertRepliesPageController {

  private final SessionAccess access;
  private final ExpertReplies replies;
  private final ContactLog contacts;
  private final OneTimeLinks oneTimeLinks;
  private final PersonNames names;
  private final Clock clock;

  ExpertRepliesPageController(SessionAccess access, ExpertReplies replies, ContactLog contacts,
      OneTimeLinks oneTimeLinks, PersonNames names, Clock clock) {
    this.access = access;
    this.replies = replies;
    this.contacts = contacts;
    this.oneTimeLinks = oneTimeLinks;
    this.names = names;
    this.clock = clock;
  }

  @GetMapping("/sessions/{code}/experts")
  public String replies(@PathVariable String code, Model model) {
    ReviewSession session = common(code, "评委答复情况（含姓名）", model);
    List<ExpertReplies.Reply> all = replies.replies(session);
    model.addAttribute("replies", all);
    model.addAttribute("overdue", all.stream().filter(r -> !r.overdue().isEmpty()).count());
    List<ContactLog.Entry> newestFirst = new ArrayList<>(contacts.entries(session.id()));
    Collections.reverse(newestFirst);
    model.addAttribute("contacts", newestFirst);
    model.addAttribute("expires", PlatformConfig.MINUTES.format(oneTimeLinks.expiresAt(session)));
    return "expert-replies";
  }

  @GetMapping("/sessions/{code}/experts/call-list")
  public String callList(@PathVariable String code, Model model) {
    boolean whole = access.isOnStaff(access.forGroups(code, Groups.STAFF, Groups.SUPERVISOR));
    ReviewSession session = common(code, ExpertReplies.callListRead(whole), model);
    model.addAttribute("calls", replies.callList(session, whole));
    return "expert-call-list";
  }

  private ReviewSession common(String code, String what, Model model) {
    ReviewSession session = access.forConfidential(code, what);
    model.addAttribute("reviewSession", session);
    model.addAttribute("staff", access.isOnStaff(session));
    model.addAttribute("user", names.label(access.userId()));
    model.addAttribute("now", PlatformConfig.MINUTES.format(clock.instant()));
    return session;
  }
}
