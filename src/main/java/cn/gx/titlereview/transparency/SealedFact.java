package cn.gx.titlereview.transparency;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One sealed fact, as the transparency log keeps it: its kind, its session, when it was sealed, and what it seals
 * (hashes, named by their algorithm, and the few public values that go with them). Its leaf is plain UTF-8 text that
 * anyone can read and hash again (docs/transparency.md, "叶子的内容"):
 * <pre>
 * titlereview-leaf v1
 * kind: record-signature
 * session: GX-2026-001
 * time: 2026-12-06T04:22:03Z
 * role: SUPERVISOR
 * record: sm3:66c7f0f4…
 * </pre>
 * One line each, in this order, each ending in LF; in values a backslash is written {@code \\}, a line feed {@code \n}
 * and a carriage return {@code \r}. Times are UTC to the second.
 */
public record SealedFact(String kind, String sessionCode, Instant at, Map<String, String> fields) {

  public static final String HEADER = "titlereview-leaf v1";

  /** 抽取承诺: the pool's and the random bytes' hashes, before the supervisor adds a phrase. */
  public static final String DRAW_COMMITMENT = "draw-commitment";
  /** 抽取: the seed and what made it, once the draw ran. */
  public static final String DRAW_REVEAL = "draw-reveal";
  /** 记录表签字: the record's hash a signature binds. */
  public static final String RECORD_SIGNATURE = "record-signature";
  /** 归档包: the signed manifest's hash. */
  public static final String ARCHIVE_MANIFEST = "archive-manifest";
  /** 抽查承诺 and 抽查: as the draw's. */
  public static final String SPOT_CHECK_COMMITMENT = "spot-check-commitment";
  public static final String SPOT_CHECK_REVEAL = "spot-check-reveal";
  /** 督查更正: a signed correction of a closed session's record. */
  public static final String INSPECTION_CORRECTION = "inspection-correction";

  /** What a kind of fact is called on the record page. */
  public static String label(String kind) {
    return switch (kind) {
      case DRAW_COMMITMENT -> "抽取承诺";
      case DRAW_REVEAL -> "随机抽取评委";
      case RECORD_SIGNATURE -> "记录表签字";
      case ARCHIVE_MANIFEST -> "归档包清单";
      case SPOT_CHECK_COMMITMENT -> "抽查承诺";
      case SPOT_CHECK_REVEAL -> "抽查复核抽取";
      case INSPECTION_CORRECTION -> "督查更正签发";
      default -> kind;
    };
  }

  public SealedFact {
    at = at.truncatedTo(ChronoUnit.SECONDS);
    fields = new LinkedHashMap<>(fields);
  }

  /** A fact of these fields, in this order (key, value, key, value…). */
  public static SealedFact of(String kind, String sessionCode, Instant at, String... keysAndValues) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
      fields.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return new SealedFact(kind, sessionCode, at, fields);
  }

  /** The leaf's bytes. */
  public byte[] leaf() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    line(out, HEADER);
    line(out, "kind: " + escape(kind));
    line(out, "session: " + escape(sessionCode == null ? "" : sessionCode));
    line(out, "time: " + at);
    fields.forEach((key, value) -> line(out, escape(key) + ": " + escape(value == null ? "" : value)));
    return out.toByteArray();
  }

  private static void line(ByteArrayOutputStream out, String line) {
    out.writeBytes(line.getBytes(StandardCharsets.UTF_8));
    out.write('\n');
  }

  static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
  }

  /** A value of a leaf's text, by its key, unescaped; null if absent. */
  static String field(String leaf, String key) {
    for (String line : leaf.split("\n")) {
      if (line.startsWith(key + ": ")) {
        String value = line.substring(key.length() + 2);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
          char c = value.charAt(i);
          if (c == '\\' && i + 1 < value.length()) {
            char next = value.charAt(++i);
            out.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next);
          } else {
            out.append(c);
          }
        }
        return out.toString();
      }
    }
    return null;
  }
}
