package cn.gx.titlereview.draw;

import cn.gx.titlereview.draw.ReproducibleDraw.PoolFile;
import cn.gx.titlereview.draw.ReproducibleDraw.ResultFile;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The jar's draw commands, for a computer without network (在不联网的电脑上抽取). They start no application, open no
 * database and no socket:
 * <pre>
 * java -jar title-review.jar draw-offline --pool 名单.json --phrase 监督员短语 --out 结果.json
 * java -jar title-review.jar draw-verify  --pool 名单.json --seed 随机种子
 * java -jar title-review.jar draw-verify  --pool 名单.json --result 结果.json
 * </pre>
 */
public final class DrawCommandLine {

  static final String USAGE = """
      用法：
        java -jar title-review.jar draw-offline --pool 名单.json --phrase 监督员短语 --out 结果.json
            在本机离线抽取：生成随机数，种子 = H(随机数‖短语)，按种子排出各评议组的顺序，写出结果文件。
            H 为名单摘要所注明的算法（sm3:… 为国密 SM3；早期名单为 SHA-256）。
        java -jar title-review.jar draw-verify --pool 名单.json --seed 随机种子
            按名单和种子复算名单摘要及各评议组的抽取顺序。
        java -jar title-review.jar draw-verify --pool 名单.json --result 结果.json
            核验结果文件：名单摘要、种子与随机数和短语、各组顺序均须与复算一致。""";

  private DrawCommandLine() {
  }

  public static boolean handles(String[] args) {
    return args.length > 0 && (args[0].equals("draw-offline") || args[0].equals("draw-verify"));
  }

  /** Runs one command; returns the process exit code (0 done, 1 verification failed, 2 wrong use or bad file). */
  public static int run(String[] args, PrintStream out, PrintStream err, SecureRandom random, Clock clock) {
    try {
      Map<String, String> options = options(args);
      PoolFile pool = read(options, "pool", PoolFile.class);
      if (args[0].equals("draw-offline")) {
        return drawOffline(pool, options, out, random, clock);
      }
      if (options.containsKey("seed")) {
        out.println(ReproducibleDraw.FILES.writeValueAsString(
            new DrawVerification.Result(ReproducibleDraw.poolHash(pool.groups(), pool.algorithm()),
                ReproducibleDraw.orders(pool.groups(), options.get("seed"), pool.algorithm()))));
        return 0;
      }
      List<String> problems = ReproducibleDraw.problems(pool, read(options, "result", ResultFile.class));
      problems.forEach(err::println);
      out.println(problems.isEmpty() ? "核验通过：结果文件与名单、种子复算一致" : "核验未通过");
      return problems.isEmpty() ? 0 : 1;
    } catch (IllegalArgumentException | IOException e) {
      err.println(e.getMessage());
      err.println(USAGE);
      return 2;
    }
  }

  private static int drawOffline(PoolFile pool, Map<String, String> options, PrintStream out, SecureRandom random,
      Clock clock) throws IOException {
    Path target = Path.of(required(options, "out"));
    ResultFile result = ReproducibleDraw.drawOffline(pool, required(options, "phrase"), random, clock.instant());
    Files.writeString(target, ReproducibleDraw.FILES.writeValueAsString(result));
    out.println("已抽取：评审会 " + pool.sessionCode() + "，名单摘要 " + pool.poolHash());
    out.println("随机种子 " + result.seedHex());
    out.println("结果文件 " + target.toAbsolutePath() + "：请拷回联网电脑，上传至评审会");
    return 0;
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 1; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("无法识别的参数：" + args[i]);
      }
      options.put(args[i].substring(2), args[++i]);
    }
    return options;
  }

  private static String required(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("缺少参数 --" + name);
    }
    return value;
  }

  private static <T> T read(Map<String, String> options, String name, Class<T> type) throws IOException {
    Path path = Path.of(required(options, name));
    if (!Files.isReadable(path)) {
      throw new IllegalArgumentException("找不到文件 " + path.toAbsolutePath());
    }
    try {
      return ReproducibleDraw.FILES.readValue(path.toFile(), type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("文件 " + path + " 不是有效的" + (type == PoolFile.class ? "名单" : "结果")
          + "文件：" + e.getOriginalMessage(), e);
    }
  }
}
