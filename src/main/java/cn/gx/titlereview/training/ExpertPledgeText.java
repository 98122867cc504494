package cn.gx.titlereview.training;

import cn.gx.titlereview.platform.importing.ImportFile;
import cn.gx.titlereview.session.ReviewSession;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * 附件2 as words: the title the committee's sheets carry and the paragraphs of the template's {@code articles}
 * fragment, rendered as the paper sheet renders them. What an expert reads through his link is exactly this, and the
 * SHA-256 kept with his confirmation is taken over it (title, then each paragraph, one per line, UTF-8), so that the
 * record can show which text he confirmed even if the template is edited later.
 */
@Component
public class ExpertPledgeText {

  private static final Pattern PARAGRAPH = Pattern.compile("<p[^>]*>(.*?)</p>", Pattern.DOTALL);

  public record Text(String title, List<String> paragraphs, String sha256) {
  }

  private final TemplateEngine templates;

  ExpertPledgeText(TemplateEngine templates) {
    this.templates = templates;
  }

  public Text of(ReviewSession session) {
    String html = templates.process(ExpertPledgeSheets.TEMPLATE, Set.of("articles"), new Context());
    List<String> paragraphs = new ArrayList<>();
    Matcher m = PARAGRAPH.matcher(html);
    while (m.find()) {
      paragraphs.add(HtmlUtils.htmlUnescape(m.group(1).replaceAll("<[^>]+>", "")).strip());
    }
    String title = ExpertPledgeSheets.title(session);
    String words = title + "\n" + String.join("\n", paragraphs);
    return new Text(title, List.copyOf(paragraphs), ImportFile.sha256(words.getBytes(StandardCharsets.UTF_8)));
  }
}
