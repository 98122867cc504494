package cn.gx.titlereview.platform.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.CharConversionException;
import java.util.stream.Collectors;

/**
 * What is wrong with a JSON document, in Chinese, for a person: where it is (line and column, or the field's path)
 * and what kind of fault, never the parser's own English text.
 */
public final class JsonProblems {

  private JsonProblems() {
  }

  /** A refusal of a text value inside a JSON document, raised by {@code SafeTextModule}; its message is Chinese. */
  public static class UnsafeText extends JsonMappingException {

    public UnsafeText(com.fasterxml.jackson.core.JsonParser parser, String message) {
      super(parser, message);
    }
  }

  public static String describe(JsonProcessingException e) {
    String where = where(e);
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnsafeText unsafe) {
        return where + unsafe.getOriginalMessage();
      }
      if (t instanceof StreamConstraintsException limit) {
        return "JSON 超过限制：嵌套层数过多，或数值、文本过长" + at(limit.getLocation());
      }
    }
    if (e instanceof JsonParseException || e.getCause() instanceof CharConversionException) {
      String original = String.valueOf(e.getOriginalMessage());
      if (original.contains("UTF") || original.contains("Invalid character") || original.contains("surrogate")) {
        return "内容不是有效的 UTF-8 编码文本" + at(e.getLocation());
      }
      if (original.contains("end-of-input")) {
        return "JSON 不完整，内容在结束前被截断" + at(e.getLocation());
      }
      return "JSON 格式错误" + at(e.getLocation());
    }
    if (e instanceof JsonMappingException) {
      return where + (where.isEmpty() ? "JSON 的结构或类型不符" : "类型不符或值无法识别") + at(e.getLocation());
    }
    return "JSON 无法读取" + at(e.getLocation());
  }

  /** "字段 groups[0].name：" for a mapping problem with a path, else empty. */
  private static String where(JsonProcessingException e) {
    if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
      return "";
    }
    String path = mapping.getPath().stream()
        .map(r -> r.getFieldName() != null ? "." + shown(r.getFieldName()) : "[" + r.getIndex() + "]")
        .collect(Collectors.joining()).replaceFirst("^\\.", "");
    return "字段 " + path + "：";
  }

  /** A field name as the sender wrote it: without control characters, and short. */
  private static String shown(String name) {
    String visible = name.replaceAll("\\p{Cc}", "");
    return visible.length() <= 40 ? visible : visible.substring(0, 40) + "…";
  }

  private static String at(JsonLocation location) {
    return location == null || location.getLineNr() < 1 ? ""
        : "（第 " + location.getLineNr() + " 行第 " + location.getColumnNr() + " 列附近）";
  }
}
