package cn.gx.titlereview.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Forms are read by civil servants: no form tells them to call the API, and none uses the engineers' words that the
 * Tasklist walk found (关卡, 触发人, DMN, SHA-256 digests to "note", date patterns).
 */
class FormsSpeakPlainlyTest {

  private static final Pattern ENGINEERS_WORDS = Pattern.compile(
      "/api/|/engine-rest|\\bPOST\\b|\\bGET\\b|HTTP|JSON|multipart|curl|DMN|关卡|触发人|流程业务键|yyyy|SHA-256 摘要");

  @Test
  void noFormTextNamesTheApiOrEngineJargon() throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.filter(p -> p.toString().endsWith(".form")).sorted().toList()) {
        collect(new ObjectMapper().readTree(form.toFile()), form.getFileName().toString(), found);
      }
    }
    assertThat(found).as("form texts with engineers' words").isEmpty();
  }

  private static void collect(JsonNode node, String form, List<String> found) {
    for (String field : List.of("text", "label", "description", "placeholder")) {
      JsonNode value = node.get(field);
      if (value != null && value.isTextual() && ENGINEERS_WORDS.matcher(value.asText()).find()) {
        found.add(form + "：" + value.asText());
      }
    }
    node.elements().forEachRemaining(child -> collect(child, form, found));
  }
}
