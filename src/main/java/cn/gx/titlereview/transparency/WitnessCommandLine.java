package cn.gx.titlereview.transparency;

import cn.gx.titlereview.platform.crypto.FileSigningKey;
import cn.gx.titlereview.platform.crypto.PemKeys;
import cn.gx.titlereview.platform.crypto.SignatureAlgorithm;
import cn.gx.titlereview.platform.crypto.SigningKey;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A witness (见证方), run by someone other than the server's holder — the 职改办, a supervising department — on any
 * computer: it co-signs a checkpoint only if it is consistent with the last one this witness co-signed, so that the
 * server cannot show one log to one reader and another to the next unseen. It starts no application:
 * <pre>
 * java -jar title-review.jar log-witness --public-key 服务器公钥.pem --witness-key 见证密钥.pem --state 见证状态.txt
 *     --checkpoint 新检查点.txt [--consistency 证明.json] --out 共同签署的检查点.txt
 * </pre>
 * The co-signed checkpoint is the server's text with one more signature line, {@code — witness sm2 <fingerprint>
 * <signature>}, over the same four lines; {@code log-verify --witness-key} checks it. Exit codes as {@code log-verify}.
 */
public final class WitnessCommandLine {

  static final String COMMAND = "log-witness";
  static final String WITNESS_MARK = "— witness ";

  static final String USAGE = """
      用法：
        java -jar title-review.jar log-witness --public-key 服务器公钥.pem --witness-key 见证密钥.pem --state 见证状态.txt --checkpoint 新检查点.txt [--consistency 证明.json] --out 共同签署的检查点.txt
            见证方核验新检查点由服务器签署，且与本见证方上次签署的检查点一致（大小不同时须附一致性证明，取自
            /api/transparency/consistency?from=上次大小&to=新大小），然后以见证密钥共同签署，并记为新的见证状态。
            见证密钥文件不存在时生成新的 SM2 密钥；见证状态文件不存在时，接受第一个检查点。
            退出码：0 已共同签署，1 核验未通过（未签署），2 用法或文件有误。""";

  private WitnessCommandLine() {
  }

  public static boolean handles(String[] args) {
    return args.length > 0 && args[0].equals(COMMAND);
  }

  public static int run(String[] args, PrintStream out, PrintStream err) {
    Map<String, String> options = new HashMap<>();
    PublicKey server;
    Checkpoint checkpoint;
    String text;
    Checkpoint last = null;
    Proofs.Consistency consistency = null;
    try {
      for (int i = 1; i < args.length; i += 2) {
        if (i + 1 >= args.length || !List.of("--public-key", "--witness-key", "--state", "--checkpoint",
            "--consistency", "--out").contains(args[i])) {
          throw new IllegalArgumentException("无法识别的参数：" + args[i]);
        }
        options.put(args[i].substring(2), args[i + 1]);
      }
      for (String required : List.of("public-key", "witness-key", "state", "checkpoint", "out")) {
        if (!options.containsKey(required)) {
          throw new IllegalArgumentException("缺少参数 --" + required);
        }
      }
      server = PemKeys.publicKey(read(Path.of(options.get("public-key"))));
      text = read(Path.of(options.get("checkpoint")));
      checkpoint = Checkpoint.parse(text);
      Path state = Path.of(options.get("state"));
      if (Files.exists(state)) {
        last = Checkpoint.parse(read(state));
      }
      if (options.containsKey("consistency")) {
        consistency = Proofs.read(Files.readAllBytes(Path.of(options.get("consistency"))), Proofs.Consistency.class);
      }
    } catch (IllegalArgumentException | IOException e) {
      err.println(e.getMessage());
      err.println(USAGE);
      return 2;
    }
    List<String> problems = new ArrayList<>();
    if (!checkpoint.signedBy(server)) {
      problems.add("新" + checkpoint.describe() + "的签名不能用服务器公钥验证");
    }
    if (last != null && problems.isEmpty()) {
      if (checkpoint.size() < last.size()) {
        problems.add("新检查点只有 " + checkpoint.size() + " 条记录，少于上次见证的 " + last.size() + " 条：日志被截短");
      } else {
        LogCommandLine.relate(last, checkpoint, consistency, problems);
      }
    }
    if (!problems.isEmpty()) {
      problems.forEach(err::println);
      out.println("未共同签署：共 " + problems.size() + " 处问题，请报告主管部门");
      return 1;
    }
    SigningKey witness = new FileSigningKey(Path.of(options.get("witness-key")), SignatureAlgorithm.SM2);
    String cosigned = text.stripTrailing() + "\n" + WITNESS_MARK + witness.algorithm().id() + " "
        + witness.fingerprint() + " " + java.util.Base64.getEncoder().encodeToString(
            witness.sign(checkpoint.body().getBytes(StandardCharsets.UTF_8))) + "\n";
    try {
      Files.writeString(Path.of(options.get("out")), cosigned, StandardCharsets.UTF_8);
      Path state = Path.of(options.get("state"));
      Path temporary = Files.writeString(state.resolveSibling(state.getFileName() + ".tmp"), checkpoint.text(),
          StandardCharsets.UTF_8);
      Files.move(temporary, state, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      err.println("无法写出文件：" + e.getMessage());
      return 2;
    }
    out.println("已共同签署：" + checkpoint.describe() + (last == null ? "（首次见证）" : "，与上次见证的"
        + last.describe() + "一致") + "；见证公钥指纹 " + witness.fingerprint());
    return 0;
  }

  /** Whether a witness key co-signed this checkpoint text. */
  static boolean cosignedBy(String text, Checkpoint checkpoint, PublicKey witness) {
    for (String line : text.split("\n")) {
      if (line.startsWith(WITNESS_MARK)) {
        String[] parts = line.substring(WITNESS_MARK.length()).trim().split(" ");
        try {
          if (parts.length == 3 && parts[1].equals(PemKeys.fingerprint(witness))
              && SignatureAlgorithm.of(witness).verifies(witness, checkpoint.body().getBytes(StandardCharsets.UTF_8),
              java.util.Base64.getDecoder().decode(parts[2]))) {
            return true;
          }
        } catch (IllegalArgumentException e) {
          // not this witness's line
        }
      }
    }
    return false;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException("找不到或无法读取文件 " + file.toAbsolutePath());
    }
  }
}
