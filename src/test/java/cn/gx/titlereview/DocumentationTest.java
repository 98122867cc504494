package cn.gx.titlereview;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README is the front door: short, with the commands CI runs, and every link in the documentation stays inside
 * the repository, so that a clone reads whole (the plan is cited by its title and number, not by a path next to the
 * repository).
 */
class DocumentationTest {

  private static final Path ROOT = Path.of("").toAbsolutePath().normalize();
  private static final int README_MAX_BYTES = 15_000;
  private static final Set<String> SKIPPED_DIRECTORIES = Set.of("target", "data", "node_modules");

  private static final Pattern QUICK_START = Pattern.compile("^#{1,6}\\s+(?:\\d+\\.\\s+)?quick start\\b.*",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~)");
  private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1");
  /** [text](target "title") and ![alt](target), with one level of brackets inside the text. */
  private static final Pattern INLINE_LINK =
      Pattern.compile("!?\\[(?:[^\\[\\]]|\\[[^\\[\\]]*])*]\\(\\s*<?([^)\\s>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
  private static final Pattern REFERENCE_DEFINITION = Pattern.compile("^\\s{0,3}\\[[^\\]]+]:\\s*<?([^\\s>]+)>?.*");
  private static final Pattern AUTOLINK = Pattern.compile("<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\\s]+)>");
  /** What GitHub turns into a link without any markup. */
  private static final Pattern BARE_URL = Pattern.compile("\\b(?:https?://|www\\.)[^\\s<>()\\[\\]]+");
  private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

  @Test
  void theReadmeQuickStartHasTheTwoCommandsAndCiRunsItsTestCommandInBatchMode() throws IOException {
    List<String> quickStart = quickStartCommands(Files.readAllLines(ROOT.resolve("README.md")));
    assertThat(quickStart).as("commands of the README's quick-start block")
        .containsExactly("mvn spring-boot:run", "mvn verify");

    String testCommand = quickStart.stream().filter(command -> command.endsWith(" verify")).findFirst().orElseThrow();
    String inBatchMode = testCommand.replaceFirst("^mvn ", "mvn -B ");
    assertThat(mavenCommands(Files.readAllLines(ROOT.resolve(".ci/run"))))
        .as("the Maven commands of .ci/run").containsExactly(inBatchMode);
  }

  @Test
  void noMarkdownLinkPointsOutsideTheRepository() throws IOException {
    List<String> offending = new ArrayList<>();
    for (Path file : markdownFiles()) {
      List<String> lines = Files.readAllLines(file);
      boolean inFence = false;
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (FENCE.matcher(line).find()) {
          inFence = !inFence;
          continue;
        }
        if (inFence) {
          continue;
        }
        for (String target : linkTargets(CODE_SPAN.matcher(line).replaceAll(" "))) {
          String problem = problemWith(file, target);
          if (problem != null) {
            offending.add(ROOT.relativize(file) + ":" + (i + 1) + ": " + target + " (" + problem + ")");
          }
        }
      }
    }
    assertThat(offending).as("links that leave the repository or lead nowhere").isEmpty();
  }

  @Test
  void theReadmeIsAtMostFifteenKilobytes() throws IOException {
    assertThat(Files.size(ROOT.resolve("README.md"))).as("README.md in bytes").isLessThanOrEqualTo(README_MAX_BYTES);
  }

  /** The commands of the first code block after the "Quick start" heading, comments removed. */
  private static List<String> quickStartCommands(List<String> readme) {
    int heading = 0;
    while (heading < readme.size() && !QUICK_START.matcher(readme.get(heading)).matches()) {
      heading++;
    }
    assertThat(heading < readme.size()).as("README.md has a \"Quick start\" heading").isTrue();
    int open = heading + 1;
    while (open < readme.size() && !FENCE.matcher(readme.get(open)).find()) {
      open++;
    }
    assertThat(open < readme.size()).as("README.md has a code block after its quick-start heading").isTrue();
    List<String> commands = new ArrayList<>();
    for (int i = open + 1; i < readme.size() && !FENCE.matcher(readme.get(i)).find(); i++) {
      String command = withoutComment(readme.get(i));
      if (!command.isEmpty()) {
        commands.add(command);
      }
    }
    return commands;
  }

  private static List<String> mavenCommands(List<String> script) {
    return script.stream().map(DocumentationTest::withoutComment)
        .filter(command -> command.equals("mvn") || command.startsWith("mvn ")).toList();
  }

  private static String withoutComment(String line) {
    int hash = line.indexOf('#');
    return (hash < 0 ? line : line.substring(0, hash)).trim().replaceAll("\\s+", " ");
  }

  private static List<Path> markdownFiles() throws IOException {
    try (Stream<Path> files = Files.walk(ROOT)) {
      return files.filter(path -> path.toString().endsWith(".md") && Files.isRegularFile(path))
          .filter(path -> {
            for (Path part : ROOT.relativize(path.getParent() == null ? ROOT : path.getParent())) {
              String name = part.toString();
              if (name.startsWith(".") || SKIPPED_DIRECTORIES.contains(name)) {
                return false;
              }
            }
            return true;
          })
          .sorted().toList();
    }
  }

  private static List<String> linkTargets(String line) {
    List<String> targets = new ArrayList<>();
    StringBuilder rest = new StringBuilder();
    Matcher reference = REFERENCE_DEFINITION.matcher(line);
    if (reference.matches()) {
      targets.add(reference.group(1));
      return targets;
    }
    for (Pattern pattern : List.of(INLINE_LINK, AUTOLINK)) {
      Matcher link = pattern.matcher(rest.isEmpty() ? line : rest.toString());
      StringBuilder remaining = new StringBuilder();
      while (link.find()) {
        targets.add(link.group(1));
        link.appendReplacement(remaining, " ");
      }
      link.appendTail(remaining);
      rest = remaining;
    }
    Matcher bare = BARE_URL.matcher(rest);
    while (bare.find()) {
      targets.add(bare.group().replaceAll("[.,;:!?'\"*_~]+$", ""));
    }
    return targets;
  }

  /** Null when the target stays inside the repository and exists; otherwise why not. */
  private static String problemWith(Path file, String target) {
    if (target.isEmpty()) {
      return "empty target";
    }
    if (target.startsWith("www.")) {
      return "leaves the repository";
    }
    if (SCHEME.matcher(target).find()) {
      String scheme = target.substring(0, target.indexOf(':')).toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        return "leaves the repository";
      }
      String host;
      try {
        host = URI.create(target).getHost();
      } catch (IllegalArgumentException e) {
        return "not a valid address";
      }
      return "localhost".equalsIgnoreCase(host) ? null : "leaves the repository";
    }
    String path = target.replaceFirst("[#?].*$", "");
    if (path.isEmpty()) {
      return null; // an anchor in the same file
    }
    path = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
    Path resolved = (path.startsWith("/") ? ROOT.resolve(path.substring(1)) : file.getParent().resolve(path))
        .normalize();
    if (!resolved.startsWith(ROOT)) {
      return "leaves the repository";
    }
    return Files.exists(resolved) ? null : "no such file in the repository";
  }
}
