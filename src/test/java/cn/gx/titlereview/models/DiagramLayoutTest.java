package cn.gx.titlereview.models;

import static cn.gx.titlereview.models.BpmnFiles.BPMNDI;
import static cn.gx.titlereview.models.BpmnFiles.DC;
import static cn.gx.titlereview.models.BpmnFiles.DI;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The diagrams as Camunda Modeler (bpmn-js) draws them: no label is crossed by a sequence flow, and every name fits
 * its task. The text is laid out the way bpmn-js does it, with these measures (checked in headless Chromium, where a
 * CJK character at 12 px Arial is 12.0 px wide):
 * <ul>
 *   <li>a CJK or full-width character is as wide as the font size, a Latin one 0.56 of it, a space 0.28;</li>
 *   <li>names inside a task: 12 px, line height 1.2, 7 px padding on each side; a line is cut, as bpmn-js cuts it,
 *       at round(length × room / width − 1) characters until it fits, so a 100 px task holds 6 CJK characters a
 *       line;</li>
 *   <li>a task's name must leave the top 25 px free for the task-type icon (user, service …) and the bottom 25 px for
 *       the call-activity marker: centred, its lines may take the task's height − 50 px, i.e. two lines in a task 80
 *       px high — the tolerance: a third line would run into the icon;</li>
 *   <li>labels outside a shape (events, gateways, flows): 11 px, at most 90 px a line, placed where the DI's
 *       BPMNLabel centres them, or where bpmn-js puts them without one (below the shape; beside the middle of a
 *       flow, 15 px off its middle segment).</li>
 * </ul>
 */
class DiagramLayoutTest {

  static final Set<String> TASKS = Set.of("userTask", "serviceTask", "businessRuleTask", "callActivity", "task",
      "sendTask", "receiveTask", "scriptTask", "manualTask", "subProcess");
  static final Set<String> EXTERNAL = Set.of("startEvent", "endEvent", "boundaryEvent", "intermediateCatchEvent",
      "intermediateThrowEvent", "exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway");
  static final double PADDING = 7;
  static final double ICON_ROOM = 25;

  record Box(double x, double y, double width, double height) {
    boolean crossedBy(double[] p, double[] q) {
      // Liang–Barsky: does the segment p–q touch the box?
      double dx = q[0] - p[0];
      double dy = q[1] - p[1];
      double t0 = 0;
      double t1 = 1;
      double[][] sides = {{-dx, p[0] - x}, {dx, x + width - p[0]}, {-dy, p[1] - y}, {dy, y + height - p[1]}};
      for (double[] side : sides) {
        if (side[0] == 0) {
          if (side[1] < 0) {
            return false;
          }
        } else {
          double t = side[1] / side[0];
          if (side[0] < 0) {
            t0 = Math.max(t0, t);
          } else {
            t1 = Math.min(t1, t);
          }
        }
      }
      return t0 <= t1;
    }
  }

  @Test
  void noLabelIsCrossedByASequenceFlow() throws Exception {
    List<String> problems = new ArrayList<>();
    for (BpmnFiles.Model model : BpmnFiles.all()) {
      List<double[][]> flows = new ArrayList<>();
      model.all(BPMNDI, "BPMNEdge").forEach(e -> flows.add(waypoints(e)));
      List<Object[]> labels = new ArrayList<>();
      for (Element shape : model.all(BPMNDI, "BPMNShape")) {
        Element element = model.byId(shape.getAttribute("bpmnElement"));
        String name = element.getAttribute("name");
        if (!name.isBlank() && EXTERNAL.contains(element.getLocalName())) {
          labels.add(new Object[] {element.getAttribute("id"), name, shapeLabel(shape, name)});
        }
      }
      for (Element edge : model.all(BPMNDI, "BPMNEdge")) {
        Element flow = model.byId(edge.getAttribute("bpmnElement"));
        String name = flow.getAttribute("name");
        if (!name.isBlank()) {
          labels.add(new Object[] {flow.getAttribute("id"), name, flowLabel(edge, name)});
        }
      }
      for (Object[] label : labels) {
        Box box = (Box) label[2];
        boolean crossed = flows.stream().anyMatch(w -> {
          for (int i = 0; i + 1 < w.length; i++) {
            if (box.crossedBy(w[i], w[i + 1])) {
              return true;
            }
          }
          return false;
        });
        if (crossed) {
          problems.add(model.name() + " " + label[0] + " 「" + label[1] + "」: a sequence flow crosses its label at " + box);
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyNameFitsItsTask() throws Exception {
    List<String> problems = new ArrayList<>();
    int tasks = 0;
    for (BpmnFiles.Model model : BpmnFiles.all()) {
      for (Element shape : model.all(BPMNDI, "BPMNShape")) {
        Element element = model.byId(shape.getAttribute("bpmnElement"));
        String name = element.getAttribute("name");
        if (name.isBlank() || !TASKS.contains(element.getLocalName()) || "false".equals(shape.getAttribute("isExpanded"))
            && "subProcess".equals(element.getLocalName())) {
          continue;
        }
        tasks++;
        Box b = bounds(shape);
        List<String> lines = lines(name, b.width() - 2 * PADDING, 12);
        double height = lines.size() * 12 * 1.2;
        if (height > b.height() - 2 * ICON_ROOM + 0.01) {
          problems.add(model.name() + " " + element.getAttribute("id") + " 「" + name + "」 takes " + lines.size()
              + " lines " + lines + " in a " + (int) b.width() + "×" + (int) b.height() + " box");
        }
      }
    }
    assertThat(tasks).isGreaterThan(70);
    assertThat(problems).isEmpty();
  }

  @Test
  void theMeasuresAgreeWithWhatModelerDraws() {
    // In Cockpit's bpmn-js, 「导入申报人员并审核资格」 in a 100 px task is drawn as 导入申报人员 / 并审核资格.
    assertThat(lines("导入申报人员并审核资格", 100 - 2 * PADDING, 12)).containsExactly("导入申报人员", "并审核资格");
    assertThat(lines("监督员核对名册总数并到场监督", 100 - 2 * PADDING, 12)).hasSize(3);
    assertThat(lines("监督员核对名册总数并到场监督", 120 - 2 * PADDING, 12)).hasSize(2);
  }

  static double width(String text, double size) {
    double w = 0;
    for (char c : text.toCharArray()) {
      w += c >= 0x2e80 || (c >= 0xff00 && c <= 0xffef) ? size : c == ' ' ? size * 0.28 : size * 0.56;
    }
    return w;
  }

  /** bpmn-js's line breaking (diagram-js Text#layoutNext): cut at spaces where it can, else by characters. */
  static List<String> lines(String text, double room, double size) {
    List<String> lines = new ArrayList<>();
    for (String paragraph : text.split("\n")) {
      String rest = paragraph;
      while (!rest.isEmpty()) {
        String line = rest;
        while (width(line, size) >= Math.round(room) && line.length() >= 2) {
          double fits = Math.max(line.length() * (room / width(line, size)), 1);
          int space = line.lastIndexOf(' ', (int) fits);
          line = space > 0 ? line.substring(0, space) : line.substring(0, (int) Math.max(Math.round(fits - 1), 1));
        }
        lines.add(line);
        rest = rest.substring(line.length()).stripLeading();
      }
    }
    return lines;
  }

  static Box shapeLabel(Element shape, String name) {
    Box b = bounds(shape);
    List<String> lines = lines(name, 90, 11);
    double w = lines.stream().mapToDouble(l -> width(l, 11)).max().orElse(0);
    double h = lines.size() * 11 * 1.2;
    Box label = labelBounds(shape);
    return label != null ? new Box(label.x() + label.width() / 2 - w / 2, label.y(), w, h)
        : new Box(b.x() + b.width() / 2 - w / 2, b.y() + b.height(), w, h);
  }

  static Box flowLabel(Element edge, String name) {
    List<String> lines = lines(name, 90, 11);
    double w = lines.stream().mapToDouble(l -> width(l, 11)).max().orElse(0);
    double h = lines.size() * 11 * 1.2;
    Box label = labelBounds(edge);
    if (label != null) {
      return new Box(label.x() + label.width() / 2 - w / 2, label.y(), w, h);
    }
    double[][] w0 = waypoints(edge);
    double mid = w0.length / 2.0 - 1;
    double[] a = w0[(int) Math.floor(mid)];
    double[] b = w0[(int) Math.ceil(mid + 0.01)];
    double x = (a[0] + b[0]) / 2;
    double y = (a[1] + b[1]) / 2;
    double angle = b[0] == a[0] ? Math.PI / 2 : Math.atan((b[1] - a[1]) / (b[0] - a[0]));
    if (Math.abs(angle) < Math.PI / 2) {
      y -= 15;
    } else {
      x += 15;
    }
    return new Box(x - w / 2, y - 10, w, h);
  }

  static Box labelBounds(Element diagramElement) {
    List<Element> labels = BpmnFiles.children(diagramElement, BPMNDI, "BPMNLabel");
    return labels.isEmpty() ? null : box(BpmnFiles.children(labels.get(0), DC, "Bounds").get(0));
  }

  static Box bounds(Element shape) {
    return box(BpmnFiles.children(shape, DC, "Bounds").get(0));
  }

  static Box box(Element bounds) {
    return new Box(Double.parseDouble(bounds.getAttribute("x")), Double.parseDouble(bounds.getAttribute("y")),
        Double.parseDouble(bounds.getAttribute("width")), Double.parseDouble(bounds.getAttribute("height")));
  }

  static double[][] waypoints(Element edge) {
    return BpmnFiles.children(edge, DI, "waypoint").stream().map(w -> new double[] {
        Double.parseDouble(w.getAttribute("x")), Double.parseDouble(w.getAttribute("y"))}).toArray(double[][]::new);
  }
}
