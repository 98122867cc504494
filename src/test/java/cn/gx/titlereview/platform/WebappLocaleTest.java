package cn.gx.titlereview.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our Chinese locales cover every key of the English locale inside the Camunda webjar, and keep its placeholders.
 * After a Camunda upgrade, this test names the keys the new version added.
 */
class WebappLocaleTest {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}");
  private final ObjectMapper json = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void theChineseLocaleHasEveryEnglishKeyWithItsPlaceholders(String app) throws IOException {
    Map<String, String> english = flatten(read(app, "en"));
    Map<String, String> chinese = flatten(read(app, "zh"));
    assertThat(english).as("en.json of the 7.24 webjar").isNotEmpty();
    List<String> missing = english.keySet().stream().filter(k -> !chinese.containsKey(k)).toList();
    assertThat(missing).as(app + ": keys without a Chinese text").isEmpty();
    List<String> lostPlaceholders = new ArrayList<>();
    english.forEach((key, text) -> placeholders(text).stream()
        .filter(p -> !chinese.get(key).replace(" ", "").contains(p.replace(" ", "")))
        .forEach(p -> lostPlaceholders.add(key + " " + p)));
    assertThat(lostPlaceholders).as(app + ": placeholders lost in translation").isEmpty();
  }

  private JsonNode read(String app, String locale) throws IOException {
    String path = "/META-INF/resources/webjars/camunda/app/" + app + "/locales/" + locale + ".json";
    try (InputStream in = WebappLocaleTest.class.getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      byte[] bytes = in.readAllBytes();
      int bom = bytes.length > 2 && (bytes[0] & 0xff) == 0xEF ? 3 : 0;
      return json.readTree(new String(bytes, bom, bytes.length - bom, java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  private static Map<String, String> flatten(JsonNode node) {
    Map<String, String> flat = new TreeMap<>();
    flatten("", node, flat);
    return flat;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> flat) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        flatten(prefix + "/" + field.getKey(), field.getValue(), flat);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(prefix + "[" + i + "]", node.get(i), flat);
      }
    } else {
      flat.put(prefix, node.asText());
    }
  }

  private static List<String> placeholders(String text) {
    List<String> found = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }
}
