package cn.gx.titlereview.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import org.springframework.stereotype.Component;

/**
 * Every text value of a JSON request body is refused, naming its field, when it holds what no column may keep:
 * a control character such as NUL, or broken Unicode ({@link TextRules#unsafe}). Spring Boot adds this module to its
 * {@code ObjectMapper}, so every {@code @RequestBody} is checked before a controller sees it.
 */
@Component
class SafeTextModule extends SimpleModule {

  SafeTextModule() {
    super("SafeText");
    addDeserializer(String.class, new SafeStrings());
  }

  static final class SafeStrings extends StringDeserializer {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      String value = super.deserialize(parser, context);
      String unsafe = value == null ? null : TextRules.unsafe(value);
      if (unsafe != null) {
        throw new JsonProblems.UnsafeText(parser, unsafe);
      }
      return value;
    }
  }
}
