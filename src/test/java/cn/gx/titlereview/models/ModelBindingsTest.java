package cn.gx.titlereview.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The models say what docs/designers.md says: every call activity declares the version it calls (no silent default),
 * as the decision table there states, and every id prefix used in bpmn/ is one the designers' list names.
 */
class ModelBindingsTest {

  /** docs/designers.md, "Which version a running session uses": call activity → binding (version: its expression). */
  static final Map<String, String> BINDINGS = Map.ofEntries(
      Map.entry("CallActivity_Preparation", "latest"),
      Map.entry("CallActivity_ExpertDraw", "latest"),
      Map.entry("CallActivity_TrainingAndPledges", "latest"),
      Map.entry("CallActivity_SealedReview", "latest"),
      Map.entry("CallActivity_ResultRecheck", "latest"),
      Map.entry("CallActivity_FirstPublicity", "latest"),
      Map.entry("CallActivity_SecondPublicity", "version ${publicityVersion}"),
      Map.entry("CallActivity_Archiving", "latest"),
      Map.entry("CallActivity_RecordSignOff", "latest"),
      Map.entry("CallActivity_SpotCheckRecheck", "latest"));

  @Test
  void everyCallActivityDeclaresTheBindingTheDesignersGuideStates() throws IOException {
    Map<String, String> found = new TreeMap<>();
    for (BpmnFiles.Model model : BpmnFiles.all()) {
      for (Element call : model.all(BpmnFiles.BPMN, "callActivity")) {
        String binding = call.getAttributeNS(BpmnFiles.CAMUNDA, "calledElementBinding");
        String version = call.getAttributeNS(BpmnFiles.CAMUNDA, "calledElementVersion");
        found.put(call.getAttribute("id"), version.isEmpty() ? binding : binding + " " + version);
      }
    }
    assertThat(found).isEqualTo(new TreeMap<>(BINDINGS));
    // The first round hands its version to the second.
    assertThat(Files.readString(Path.of("bpmn", "TitleReviewSession.bpmn")))
        .contains("<camunda:out sourceExpression=\"${execution.processDefinition.version}\" target=\"publicityVersion\" />");
  }

  @Test
  void everyIdPrefixInTheModelsIsListedForDesigners() throws IOException {
    String guide = Files.readString(Path.of("docs", "designers.md"));
    Set<String> prefixes = new TreeSet<>();
    for (BpmnFiles.Model model : BpmnFiles.all()) {
      NodeList all = model.document().getElementsByTagName("*");
      for (int i = 0; i < all.getLength(); i++) {
        String id = ((Element) all.item(i)).getAttribute("id");
        if (id.contains("_")) {
          prefixes.add(id.substring(0, id.indexOf('_') + 1));
        }
      }
    }
    assertThat(prefixes).isNotEmpty().allSatisfy(prefix -> assertThat(guide).contains("`" + prefix));
  }
}
