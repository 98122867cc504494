package cn.gx.titlereview.oversight;

import java.util.List;
import java.util.Locale;
import org.springframework.web.util.HtmlUtils;

/**
 * The region view's charts as inline SVG, drawn on the server: no script, the same in every browser and in print.
 * Every label is escaped; every point links to where its figure comes from.
 */
final class Charts {

  private static final int WIDTH = 640;
  private static final int HEIGHT = 320;
  private static final int LEFT = 56;
  private static final int RIGHT = 16;
  private static final int TOP = 34;
  private static final int BOTTOM = 44;

  private Charts() {
  }

  /** The funnel: rate against applicants, the peers' rate, the 95 % and 99.8 % limits, a dot per committee. */
  static String funnel(PassRates.Comparison c) {
    int maxN = Math.max(10, c.points().stream().mapToInt(p -> p.figures().applicants()).max().orElse(10));
    double xMax = maxN * 1.1;
    StringBuilder svg = open("漏斗图：" + c.level() + "评委会通过率与申报人数");
    axes(svg, "申报人数（有评审结果）", "通过率", xMax);
    double target = c.target();
    line(svg, 0, target, xMax, target, xMax, "#555", "4 0");
    StringBuilder l95 = new StringBuilder();
    StringBuilder u95 = new StringBuilder();
    StringBuilder l998 = new StringBuilder();
    StringBuilder u998 = new StringBuilder();
    for (int i = 0; i <= 60; i++) {
      int n = Math.max(1, (int) Math.round(xMax * i / 60));
      Funnel.Limits limits = Funnel.limits(target, n);
      l95.append(point(n, limits.lower95(), xMax));
      u95.append(point(n, limits.upper95(), xMax));
      l998.append(point(n, limits.lower998(), xMax));
      u998.append(point(n, limits.upper998(), xMax));
    }
    polyline(svg, l95, "#d48806", "5 3");
    polyline(svg, u95, "#d48806", "5 3");
    polyline(svg, l998, "#b5152b", "2 2");
    polyline(svg, u998, "#b5152b", "2 2");
    for (PassRates.Point p : c.points()) {
      String color = p.flag() == Funnel.Flag.ABNORMAL ? "#b5152b" : p.flag() == Funnel.Flag.WATCH ? "#d48806" : "#1f5fa8";
      svg.append("<a href=\"/oversight/committees/").append(escape(p.committee().code())).append("\">")
          .append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"%s\"%s>",
              x(p.figures().applicants(), xMax), y(p.rate()), color,
              p.figures().imported() ? " fill-opacity=\"0.35\" stroke=\"" + color + "\"" : ""))
          .append("<title>").append(escape(p.committee().name() + "：申报 " + p.figures().applicants() + " 人，通过率 "
              + p.figures().rate() + (p.figures().imported() ? "（导入）" : "")
              + (p.flag() == null ? "" : "，" + p.flag().label()))).append("</title></circle></a>");
    }
    legend(svg, List.of("同级通过率 " + Funnel.percent(target), "95% 控制限", "99.8% 控制限", "空心点：导入数据"),
        List.of("#555", "#d48806", "#b5152b", "#1f5fa8"));
    return svg.append("</svg>").toString();
  }

  /** Pass rate by year: a bar per year, imported years pale and marked. */
  static String byYear(List<YearFigures> years) {
    StringBuilder svg = open("历年通过率");
    axes(svg, "年度", "通过率", 0);
    int count = Math.max(1, years.size());
    double slot = (WIDTH - LEFT - RIGHT) / (double) count;
    for (int i = 0; i < years.size(); i++) {
      YearFigures f = years.get(i);
      double rate = f.applicants() == 0 ? 0 : (double) f.passed() / f.applicants();
      double x = LEFT + i * slot + slot * 0.2;
      svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">",
              x, y(rate), slot * 0.6, y(0) - y(rate), f.imported() ? "#9db9dd" : "#1f5fa8"))
          .append("<title>").append(f.year()).append(" 年：申报 ").append(f.applicants()).append(" 人，通过 ")
          .append(f.passed()).append(" 人，").append(f.rate()).append(f.imported() ? "（导入）" : "")
          .append("</title></rect>");
      text(svg, x + slot * 0.3, y(rate) - 4, f.rate(), "middle");
      text(svg, x + slot * 0.3, HEIGHT - BOTTOM + 16, String.valueOf(f.year()), "middle");
      if (f.imported()) {
        text(svg, x + slot * 0.3, HEIGHT - BOTTOM + 31, "导入", "middle");
      }
    }
    return svg.append("</svg>").toString();
  }

  /** Horizontal bars: a label and a count each, longest first as given. */
  static String bars(String title, List<String> labels, List<Integer> counts) {
    int rows = Math.max(1, labels.size());
    int height = 24 * rows + 12;
    int max = Math.max(1, counts.stream().mapToInt(Integer::intValue).max().orElse(1));
    StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\">",
        WIDTH, height, WIDTH, height)).append("<title>").append(escape(title)).append("</title>");
    for (int i = 0; i < labels.size(); i++) {
      int y = 6 + i * 24;
      double w = (WIDTH - 300) * counts.get(i) / (double) max;
      text(svg, 250, y + 15, labels.get(i), "end");
      svg.append(String.format(Locale.ROOT, "<rect x=\"258\" y=\"%d\" width=\"%.1f\" height=\"18\" fill=\"#b5152b\"/>",
          y, w));
      text(svg, 262 + w, y + 15, String.valueOf(counts.get(i)), "start");
    }
    return svg.append("</svg>").toString();
  }

  private static StringBuilder open(String title) {
    return new StringBuilder(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\">",
        WIDTH, HEIGHT, WIDTH, HEIGHT)).append("<title>").append(escape(title)).append("</title>");
  }

  private static void axes(StringBuilder svg, String xLabel, String yLabel, double xMax) {
    svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>", LEFT,
        HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM));
    svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>", LEFT, TOP,
        LEFT, HEIGHT - BOTTOM));
    for (int pct = 0; pct <= 100; pct += 20) {
      double y = y(pct / 100.0);
      svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>",
          LEFT, y, WIDTH - RIGHT, y));
      text(svg, LEFT - 6, y + 4, pct + "%", "end");
    }
    if (xMax > 0) {
      for (int i = 0; i <= 5; i++) {
        double n = xMax * i / 5;
        text(svg, x(n, xMax), HEIGHT - BOTTOM + 16, String.valueOf(Math.round(n)), "middle");
      }
      text(svg, (LEFT + WIDTH - RIGHT) / 2.0, HEIGHT - 6, xLabel, "middle");
    }
    svg.append(String.format(Locale.ROOT,
        "<text x=\"14\" y=\"%d\" font-size=\"12\" transform=\"rotate(-90 14 %d)\" text-anchor=\"middle\">%s</text>",
        (TOP + HEIGHT - BOTTOM) / 2, (TOP + HEIGHT - BOTTOM) / 2, escape(yLabel)));
  }

  private static void legend(StringBuilder svg, List<String> labels, List<String> colors) {
    for (int i = 0; i < labels.size(); i++) {
      int x = LEFT + 10 + i * 140;
      svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"4\" fill=\"%s\"/>", x,
          8, colors.get(i)));
      text(svg, x + 16, 14, labels.get(i), "start");
    }
  }

  private static void line(StringBuilder svg, double n1, double r1, double n2, double r2, double xMax, String color,
      String dash) {
    svg.append(String.format(Locale.ROOT,
        "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-dasharray=\"%s\"/>",
        x(n1, xMax), y(r1), x(n2, xMax), y(r2), color, dash));
  }

  private static void polyline(StringBuilder svg, StringBuilder points, String color, String dash) {
    svg.append("<polyline fill=\"none\" stroke=\"").append(color).append("\" stroke-dasharray=\"").append(dash)
        .append("\" points=\"").append(points.toString().trim()).append("\"/>");
  }

  private static String point(int n, double rate, double xMax) {
    return String.format(Locale.ROOT, "%.1f,%.1f ", x(n, xMax), y(rate));
  }

  private static void text(StringBuilder svg, double x, double y, String text, String anchor) {
    svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" text-anchor=\"%s\">", x, y,
        anchor)).append(escape(text)).append("</text>");
  }

  private static double x(double n, double xMax) {
    return LEFT + (WIDTH - LEFT - RIGHT) * n / xMax;
  }

  private static double y(double rate) {
    return TOP + (HEIGHT - TOP - BOTTOM) * (1 - rate);
  }

  private static String escape(String text) {
    return HtmlUtils.htmlEscape(text);
  }
}
