package cn.gx.titlereview.platform.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How Tasklist lists our tasks: every filter shows each task's 评审会编号 and 评委会名称 (Tasklist's own
 * convention, the filter property {@code variables}), so that two sessions' tasks of the same name are told apart.
 */
public final class TasklistFilters {

  /** The process variables every stage carries and a task list item shows, with their labels. */
  private static final Map<String, String> SHOWN = new LinkedHashMap<>();

  static {
    SHOWN.put("sessionCode", "评审会编号");
    SHOWN.put("committeeName", "评委会名称");
  }

  /** Their names; each task gets a copy of them (workspace/TasklistDisplay), which its candidates may read. */
  public static final List<String> SHOWN_VARIABLES = List.copyOf(SHOWN.keySet());

  private TasklistFilters() {
  }

  /** A filter's properties: its description, its place in the list (lower first), the variables shown. */
  public static Map<String, Object> properties(String description, int priority) {
    return Map.of("description", description, "priority", priority, "refresh", true,
        "variables", SHOWN.entrySet().stream().map(v -> Map.of("name", v.getKey(), "label", v.getValue())).toList());
  }
}
