package cn.gx.titlereview.models;

import static cn.gx.titlereview.models.BpmnFiles.BPMN;
import static cn.gx.titlereview.models.BpmnFiles.CAMUNDA;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.workflow.gate.Gate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.w3c.dom.Element;

/**
 * The Modeler templates in bpmn/.camunda/element-templates/ against the code and the models: every gate key the
 * template offers is a {@link Gate} bean (and every bean is offered), and every gate and rectification task in bpmn/
 * has the shape its template gives — so a task drawn from the template and the tasks already there cannot differ.
 */
@IntegrationTest
class ElementTemplatesTest {

  static final Path TEMPLATES = Path.of("bpmn", ".camunda", "element-templates", "title-review.json");
  static final String GATE = "cn.gx.titlereview.gate";

  static Map<String, JsonNode> templates = new HashMap<>();
  static List<BpmnFiles.Model> models;

  @Autowired List<Gate> gates;

  @BeforeAll
  static void read() throws Exception {
    new ObjectMapper().readTree(TEMPLATES.toFile()).forEach(t -> templates.put(t.get("id").asText(), t));
    models = BpmnFiles.all();
  }

  @Test
  void theGateDropdownOffersExactlyTheGateBeans() {
    Set<String> offered = choices(property(templates.get(GATE), "camunda:inputParameter", "gateKey"));
    assertThat(offered).containsExactlyInAnyOrderElementsOf(gates.stream().map(Gate::key).toList());
  }

  @Test
  void everyTemplateHasAnIdANameAndValidBindings() {
    assertThat(templates).containsKeys(GATE, "cn.gx.titlereview.rectification",
        "cn.gx.titlereview.rectification.supervisor", "cn.gx.titlereview.attested.staff",
        "cn.gx.titlereview.attested.role", "cn.gx.titlereview.staffTask");
    templates.values().forEach(t -> {
      assertThat(t.path("name").asText()).as(t.get("id").asText()).isNotBlank();
      assertThat(t.path("version").asInt()).isPositive();
      t.get("properties").forEach(p -> {
        assertThat(p.path("binding").path("type").asText()).isIn("property", "camunda:property",
            "camunda:inputParameter");
        if ("Dropdown".equals(p.path("type").asText())) {
          assertThat(choices(p)).as(p.toString()).contains(p.path("value").asText());
        }
      });
    });
  }

  @Test
  void everyGateTaskInTheModelsUsesTheGateTemplateAndRoutesFailuresToRectification() {
    List<String> problems = new ArrayList<>();
    int gateTasks = 0;
    for (BpmnFiles.Model model : models) {
      for (Element task : model.all(BPMN, "serviceTask")) {
        if (!"${runGate}".equals(task.getAttributeNS(CAMUNDA, "delegateExpression"))) {
          continue;
        }
        gateTasks++;
        String where = model.name() + " " + task.getAttribute("id");
        if (!GATE.equals(task.getAttributeNS(CAMUNDA, "modelerTemplate"))) {
          problems.add(where + ": not drawn from the template " + GATE);
        }
        List<Element> boundaries = model.all(BPMN, "boundaryEvent").stream()
            .filter(b -> task.getAttribute("id").equals(b.getAttribute("attachedToRef"))).toList();
        Element failure = boundaries.stream().filter(b -> BpmnFiles.children(b, BPMN, "errorEventDefinition").stream()
            .anyMatch(d -> "Error_GateFailed".equals(d.getAttribute("errorRef"))
                && "gateViolations".equals(d.getAttributeNS(CAMUNDA, "errorMessageVariable")))).findFirst().orElse(null);
        if (failure == null) {
          problems.add(where + ": no boundary error Error_GateFailed with errorMessageVariable gateViolations");
          continue;
        }
        for (Element flow : model.all(BPMN, "sequenceFlow")) {
          if (failure.getAttribute("id").equals(flow.getAttribute("sourceRef"))) {
            Element target = model.byId(flow.getAttribute("targetRef"));
            boolean rectification = target.getAttributeNS(CAMUNDA, "modelerTemplate").startsWith(
                "cn.gx.titlereview.rectification");
            // The signature gate of the main process sends the session back to the sign-off stage itself.
            boolean backToStage = "callActivity".equals(target.getLocalName());
            if (!rectification && !backToStage) {
              problems.add(where + ": a failure leads to " + target.getAttribute("id") + ", not to a 整改 task");
            }
          }
        }
      }
    }
    assertThat(gateTasks).isEqualTo(gates.size());
    assertThat(problems).isEmpty();
  }

  @Test
  void everyTemplatedTaskHasTheShapeItsTemplateGives() {
    List<String> problems = new ArrayList<>();
    int templated = 0;
    for (BpmnFiles.Model model : models) {
      for (Element task : model.all(BPMN, "*")) {
        String id = task.getAttributeNS(CAMUNDA, "modelerTemplate");
        if (id.isEmpty()) {
          continue;
        }
        templated++;
        JsonNode template = templates.get(id);
        String where = model.name() + " " + task.getAttribute("id");
        if (template == null) {
          problems.add(where + ": unknown template " + id);
          continue;
        }
        String type = template.path("elementType").path("value").asText().replace("bpmn:", "");
        if (!type.isEmpty() && !type.equalsIgnoreCase(task.getLocalName())) {
          problems.add(where + ": is a " + task.getLocalName() + ", the template makes a " + type);
        }
        for (JsonNode p : template.get("properties")) {
          problems.addAll(check(where, task, p));
        }
      }
    }
    assertThat(templated).isGreaterThanOrEqualTo(18);
    assertThat(problems).isEmpty();
  }

  @Test
  void everyRectificationTaskIsDrawnFromARectificationTemplate() {
    List<String> untemplated = models.stream().flatMap(m -> m.all(BPMN, "userTask").stream()
            .filter(t -> "rectificationForm".equals(t.getAttributeNS(CAMUNDA, "formRef")))
            .filter(t -> !t.getAttributeNS(CAMUNDA, "modelerTemplate").startsWith("cn.gx.titlereview.rectification"))
            .map(t -> m.name() + " " + t.getAttribute("id")))
        .toList();
    assertThat(untemplated).isEmpty();
  }

  /** What the property's binding finds on the task, checked against the template's value, choices or constraint. */
  private static List<String> check(String where, Element task, JsonNode property) {
    String actual = actual(task, property.get("binding"));
    String expected = property.path("value").isMissingNode() ? null : property.get("value").asText();
    String label = property.path("label").asText(property.get("binding").toString());
    boolean fixed = "Hidden".equals(property.path("type").asText()) || !property.path("editable").asBoolean(true);
    List<String> problems = new ArrayList<>();
    if (fixed && expected != null && !expected.equals(actual)) {
      problems.add(where + ": " + label + " is " + actual + ", the template fixes " + expected);
    }
    if ("Dropdown".equals(property.path("type").asText()) && !choices(property).contains(actual == null ? "" : actual)) {
      problems.add(where + ": " + label + " is " + actual + ", not one of the template's choices");
    }
    if (property.path("constraints").path("notEmpty").asBoolean() && (actual == null || actual.isBlank())) {
      problems.add(where + ": " + label + " is empty");
    }
    return problems;
  }

  static String actual(Element task, JsonNode binding) {
    String name = binding.get("name").asText();
    return switch (binding.get("type").asText()) {
      case "property" -> {
        String value = name.startsWith("camunda:") ? task.getAttributeNS(CAMUNDA, name.substring(8))
            : task.getAttribute(name);
        yield value.isEmpty() ? null : value;
      }
      case "camunda:property" -> BpmnFiles.children(task, CAMUNDA, "property").stream()
          .filter(p -> name.equals(p.getAttribute("name"))).map(p -> p.getAttribute("value")).findFirst()
          .orElse(null);
      case "camunda:inputParameter" -> BpmnFiles.children(task, CAMUNDA, "inputParameter").stream()
          .filter(p -> name.equals(p.getAttribute("name"))).map(p -> p.getTextContent().trim()).findFirst()
          .orElse(null);
      default -> throw new IllegalArgumentException(binding.toString());
    };
  }

  static JsonNode property(JsonNode template, String bindingType, String name) {
    return StreamSupport.stream(template.get("properties").spliterator(), false)
        .filter(p -> bindingType.equals(p.path("binding").path("type").asText())
            && name.equals(p.path("binding").path("name").asText()))
        .findFirst().orElseThrow();
  }

  static Set<String> choices(JsonNode property) {
    return StreamSupport.stream(property.path("choices").spliterator(), false).map(c -> c.get("value").asText())
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
