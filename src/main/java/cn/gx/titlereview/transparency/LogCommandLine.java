package cn.gx.titlereview.transparency;

import cn.gx.titlereview.platform.crypto.HashAlgorithm;
import cn.gx.titlereview.platform.crypto.PemKeys;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The jar's offline check of the transparency log, with nothing but files and the server's public key; it starts no
 * application:
 * <pre>
 * java -jar title-review.jar log-verify --public-key 公钥.pem --checkpoint 检查点.txt --package 归档包.zip
 * java -jar title-review.jar log-verify --public-key 公钥.pem --checkpoint 旧.txt --checkpoint 新.txt --consistency 证明.json
 * </pre>
 * Exit codes as {@code archive-verify}: 0 verified, 1 not verified, 2 wrong use.
 */
public final class LogCommandLine {

  static final String COMMAND = "log-verify";
  private static final long MAX_PROOF_BYTES = 64 * 1024;

  static final String USAGE = """
      用法：
        java -jar title-review.jar log-verify --public-key 公钥.pem --checkpoint 检查点.txt --package 归档包.zip [--consistency 证明.json]
            核验归档包已记入透明日志：包内 transparency-proof.json 所记的叶子须载明 manifest.json 的杂凑值，
            审计路径须通向包内检查点的根哈希，该检查点须由此公钥签署，并与您保存的检查点一致
            （两者大小不同时，须另附两者之间的一致性证明，取自 /api/transparency/consistency?from=较小&to=较大）。
        java -jar title-review.jar log-verify --public-key 公钥.pem --checkpoint 旧检查点.txt --checkpoint 新检查点.txt --consistency 证明.json
            核验新检查点包含旧检查点的全部记录且未改动任何一条（一致性证明取自 /api/transparency/consistency?from=旧大小&to=新大小）。
        加 --witness-key 见证公钥.pem，则最后一个检查点还须有该见证方的共同签署（log-witness）。
        公钥取自 /api/archive/public-key，并与记录表上的公钥指纹核对。
        退出码：0 核验通过，1 核验未通过，2 用法或文件有误。""";

  private LogCommandLine() {
  }

  public static boolean handles(String[] args) {
    return args.length > 0 && args[0].equals(COMMAND);
  }

  private record Options(PublicKey key, List<Checkpoint> checkpoints, List<String> texts, Path zip,
      Proofs.Consistency consistency, PublicKey witness) {
  }

  public static int run(String[] args, PrintStream out, PrintStream err) {
    Options options;
    try {
      options = options(args);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.println(USAGE);
      return 2;
    }
    List<String> problems = new ArrayList<>();
    for (Checkpoint c : options.checkpoints()) {
      if (!c.signedBy(options.key())) {
        problems.add("您保存的" + c.describe() + "的签名不能用该公钥验证：检查点被改动，或不是该服务器签署的");
      }
    }
    int newest = options.checkpoints().size() - 1;
    if (options.witness() != null && !WitnessCommandLine.cosignedBy(options.texts().get(newest),
        options.checkpoints().get(newest), options.witness())) {
      problems.add(options.checkpoints().get(newest).describe() + "没有该见证方的共同签署（log-witness）");
    }
    if (options.zip() != null) {
      Checkpoint held = options.checkpoints().get(0);
      Checkpoint proved;
      try {
        proved = inclusion(options, problems);
      } catch (IOException e) {
        err.println("无法读取归档包 " + options.zip().toAbsolutePath());
        return 2;
      }
      if (proved != null && problems.isEmpty()) {
        relate(held, proved, options.consistency(), problems);
      }
      return report(problems, out, err, "归档包的清单已记入透明日志，并包含在您保存的" + held.describe() + "中");
    }
    Checkpoint older = options.checkpoints().get(0);
    Checkpoint newer = options.checkpoints().get(1);
    if (problems.isEmpty()) {
      relate(older, newer, options.consistency(), problems);
    }
    return report(problems, out, err, "新" + newer.describe() + "包含旧" + older.describe() + "的全部记录，且无一改动");
  }

  private static int report(List<String> problems, PrintStream out, PrintStream err, String verified) {
    problems.forEach(err::println);
    if (!problems.isEmpty()) {
      out.println("核验未通过：共 " + problems.size() + " 处问题");
      return 1;
    }
    out.println("核验通过：" + verified);
    return 0;
  }

  /** The package's inclusion in the checkpoint it carries; that checkpoint, or null when it cannot be read. */
  private static Checkpoint inclusion(Options options, List<String> problems) throws IOException {
    byte[] manifest = null;
    byte[] proofBytes = null;
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(options.zip()), StandardCharsets.UTF_8)) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (e.getName().equals("manifest.json") && manifest == null) {
          manifest = read(in, 64L * 1024 * 1024);
        } else if (e.getName().equals("transparency-proof.json") && proofBytes == null) {
          proofBytes = read(in, MAX_PROOF_BYTES);
        }
      }
    }
    if (manifest == null || proofBytes == null) {
      problems.add(manifest == null ? "归档包中没有 manifest.json" : "归档包中没有 transparency-proof.json：该包生成于透明日志启用之前，或证明已被删除");
      return null;
    }
    Proofs.Inclusion proof;
    Checkpoint proved;
    try {
      proof = Proofs.read(proofBytes, Proofs.Inclusion.class);
      proved = Checkpoint.parse(proof.checkpoint());
    } catch (IllegalArgumentException e) {
      problems.add("transparency-proof.json 无法读取：" + e.getMessage());
      return null;
    }
    if (!proved.signedBy(options.key())) {
      problems.add("包内" + proved.describe() + "的签名不能用该公钥验证");
    }
    HashAlgorithm hash = proved.hashAlgorithm();
    byte[] leaf = proof.leaf() == null ? new byte[0] : proof.leaf().getBytes(StandardCharsets.UTF_8);
    byte[] leafHash = MerkleTree.leafHash(hash, leaf);
    String manifestHash = SealedFact.field(proof.leaf() == null ? "" : proof.leaf(), "manifest");
    if (manifestHash == null || !HashAlgorithm.matches(manifestHash, manifest)) {
      problems.add("透明日志的叶子所载清单杂凑值（" + manifestHash + "）与包内 manifest.json 不符");
    }
    if (proof.leafHash() == null || !HexFormat.of().formatHex(leafHash).equalsIgnoreCase(proof.leafHash())) {
      problems.add("transparency-proof.json 的 leafHash 不是其叶子的杂凑值");
    }
    byte[] root;
    try {
      root = proof.treeSize() != proved.size() ? null : MerkleTree.rootFromInclusion(hash, proof.leafIndex(),
          proof.treeSize(), leafHash, hex(proof.auditPath()));
    } catch (IllegalArgumentException e) {
      root = null;
    }
    if (root == null || !java.util.Arrays.equals(root, proved.root())) {
      problems.add("审计路径不能由第 " + proof.leafIndex() + " 条记录通向包内" + proved.describe() + "的根哈希");
    }
    return proved;
  }

  /** Whether two checkpoints are of one log: equal at equal sizes, else consistent by the proof given. */
  static void relate(Checkpoint a, Checkpoint b, Proofs.Consistency consistency, List<String> problems) {
    if (!a.origin().equals(b.origin())) {
      problems.add("两个检查点不属于同一日志：" + a.origin() + " 与 " + b.origin());
      return;
    }
    if (a.size() == b.size()) {
      if (!a.rootHash().equals(b.rootHash())) {
        problems.add("两个检查点大小同为 " + a.size() + "，根哈希却不同：日志已被改写（分叉）");
      }
      return;
    }
    Checkpoint older = a.size() < b.size() ? a : b;
    Checkpoint newer = a.size() < b.size() ? b : a;
    if (consistency == null) {
      problems.add("两个检查点大小不同（" + older.size() + " 与 " + newer.size() + "）：请以 --consistency 提供一致性证明，取自 "
          + "/api/transparency/consistency?from=" + older.size() + "&to=" + newer.size());
      return;
    }
    if (consistency.fromSize() != older.size() || consistency.toSize() != newer.size()) {
      problems.add("一致性证明是 " + consistency.fromSize() + " 到 " + consistency.toSize() + " 的，不是 " + older.size()
          + " 到 " + newer.size() + " 的");
      return;
    }
    boolean consistent;
    try {
      consistent = MerkleTree.verifyConsistency(older.hashAlgorithm(), older.size(), newer.size(), older.root(),
          newer.root(), hex(consistency.proof()));
    } catch (IllegalArgumentException e) {
      consistent = false;
    }
    if (!consistent) {
      problems.add("一致性证明不成立：大小为 " + newer.size() + " 的检查点不是在大小为 " + older.size()
          + " 的检查点之后只追加记录得到的——其中已有记录被改动或删除");
    }
  }

  private static List<byte[]> hex(List<String> hashes) {
    return hashes == null ? List.of() : hashes.stream().map(HexFormat.of()::parseHex).toList();
  }

  private static byte[] read(InputStream in, long cap) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
      out.write(buffer, 0, n);
      if (out.size() > cap) {
        throw new IOException("条目过大");
      }
    }
    return out.toByteArray();
  }

  private static Options options(String[] args) {
    PublicKey key = null;
    PublicKey witness = null;
    List<Checkpoint> checkpoints = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    Path zip = null;
    Proofs.Consistency consistency = null;
    for (int i = 1; i < args.length; i += 2) {
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("无法识别的参数：" + args[i]);
      }
      Path file = existing(args[i + 1]);
      switch (args[i]) {
        case "--public-key" -> key = PemKeys.publicKey(text(file));
        case "--witness-key" -> witness = PemKeys.publicKey(text(file));
        case "--checkpoint" -> {
          texts.add(text(file));
          checkpoints.add(Checkpoint.parse(texts.get(texts.size() - 1)));
        }
        case "--package" -> zip = file;
        case "--consistency" -> consistency = Proofs.read(bytes(file), Proofs.Consistency.class);
        default -> throw new IllegalArgumentException("无法识别的参数：" + args[i]);
      }
    }
    if (key == null) {
      throw new IllegalArgumentException("缺少参数 --public-key");
    }
    if (zip != null ? checkpoints.size() != 1 : checkpoints.size() != 2 || consistency == null) {
      throw new IllegalArgumentException(zip != null ? "核验归档包须给出一个 --checkpoint（您保存的检查点）"
          : "核验两个检查点须给出两个 --checkpoint 和一个 --consistency");
    }
    return new Options(key, checkpoints, texts, zip, consistency, witness);
  }

  private static Path existing(String value) {
    Path path = Path.of(value);
    if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
      throw new IllegalArgumentException("找不到文件 " + path.toAbsolutePath());
    }
    return path;
  }

  private static String text(Path file) {
    return new String(bytes(file), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IllegalArgumentException("无法读取文件 " + file.toAbsolutePath());
    }
  }
}
