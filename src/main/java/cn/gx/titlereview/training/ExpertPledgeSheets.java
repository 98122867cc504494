package cn.gx.titlereview.training;

import cn.gx.titlereview.draw.DrawnExpert;
import cn.gx.titlereview.draw.ExpertDrawService;
import cn.gx.titlereview.platform.document.PdfRenderer;
import cn.gx.titlereview.platform.document.Titles;
import cn.gx.titlereview.session.ReviewSession;
import java.util.List;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;

/**
 * 附件2 for paper signing: one sheet per attending expert, titled 「2026年度<评委会名称>评审专家工作守则」 — the plan's
 * 「202X 年度 XX 职称评委会」 is the committee's name, given once. The label under the signature line says whose sheet it
 * is; the archive package's copy ({@code withNames = false}) names experts by code only.
 */
@Component
class ExpertPledgeSheets {

  static final String TEMPLATE = "pledge-expert";

  public record Sheet(String code, String name) {

    public String label() {
      return "专家编号 " + code + (name == null ? "" : "（" + name + "）");
    }
  }

  private final ExpertDrawService drawService;
  private final PdfRenderer renderer;

  ExpertPledgeSheets(ExpertDrawService drawService, PdfRenderer renderer) {
    this.drawService = drawService;
    this.renderer = renderer;
  }

  public Context context(ReviewSession session, boolean withNames) {
    Context context = new Context();
    String title = title(session);
    context.setVariable("title", title);
    context.setVariable("titleLines", Titles.lines(title, session.committeeName()));
    List<Sheet> sheets = drawService.drawn(session.id()).stream().filter(DrawnExpert::attending)
        .map(e -> new Sheet(e.expertCode(), withNames ? e.name() : null)).toList();
    context.setVariable("sheets", sheets);
    return context;
  }

  public byte[] pdf(ReviewSession session, boolean withNames) {
    return renderer.render(TEMPLATE, context(session, withNames));
  }

  /** 「2026年度<评委会名称>评审专家工作守则」. */
  static String title(ReviewSession session) {
    return session.reviewYear() + "年度" + session.committeeName() + "评审专家工作守则";
  }
}
