package cn.gx.titlereview.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.platform.crypto.FileSigningKey;
import cn.gx.titlereview.platform.crypto.HashAlgorithm;
import cn.gx.titlereview.platform.crypto.SignatureAlgorithm;
import cn.gx.titlereview.platform.crypto.SigningKey;
import cn.gx.titlereview.transparency.MerkleTreeTest.Tree;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar's {@code log-verify} on two checkpoint files and a proof, as a supervisor runs it, without the server. */
class LogCommandLineTest {

  @TempDir Path dir;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  SigningKey key;
  final List<byte[]> leaves = IntStream.range(0, 40).mapToObj(i -> ("fact " + i).getBytes(StandardCharsets.UTF_8))
      .toList();

  @BeforeEach
  void serverKey() {
    key = new FileSigningKey(dir.resolve("server.pem"), SignatureAlgorithm.SM2);
  }

  @Test
  void aLaterCheckpointThatExtendsTheKeptOneVerifies() throws IOException {
    Tree tree = new Tree(HashAlgorithm.SM3, leaves);
    Path older = checkpoint("old.txt", tree, 17, key);
    Path newer = checkpoint("new.txt", tree, 40, key);
    assertThat(run("--checkpoint", older, "--checkpoint", newer, "--consistency", proof(tree, 17, 40))).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("核验通过：新检查点（40 条记录", "包含旧检查点（17 条记录");
  }

  @Test
  void aRewrittenLeafAForgedSignatureOrTheWrongProofFails() throws IOException {
    Tree honest = new Tree(HashAlgorithm.SM3, leaves);
    Path older = checkpoint("old.txt", honest, 17, key);
    List<byte[]> forged = new ArrayList<>(leaves);
    forged.set(3, "rewritten".getBytes(StandardCharsets.UTF_8));
    Tree fork = new Tree(HashAlgorithm.SM3, forged);
    assertThat(run("--checkpoint", older, "--checkpoint", checkpoint("fork.txt", fork, 40, key), "--consistency",
        proof(fork, 17, 40))).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("一致性证明不成立", "已有记录被改动或删除");

    SigningKey other = new FileSigningKey(dir.resolve("other.pem"), SignatureAlgorithm.SM2);
    assertThat(run("--checkpoint", older, "--checkpoint", checkpoint("other.txt", honest, 40, other),
        "--consistency", proof(honest, 17, 40))).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("签名不能用该公钥验证");

    assertThat(run("--checkpoint", older, "--checkpoint", checkpoint("new.txt", honest, 40, key), "--consistency",
        proof(honest, 16, 40))).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("一致性证明是 16 到 40 的，不是 17 到 40 的");

    String text = Files.readString(older);
    Path edited = Files.writeString(dir.resolve("edited.txt"), text.replaceFirst("\n17\n", "\n18\n"));
    assertThat(run("--checkpoint", edited, "--checkpoint", checkpoint("new.txt", honest, 40, key), "--consistency",
        proof(honest, 18, 40))).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("您保存的检查点（18 条记录");
  }

  /**
   * A witness co-signs a checkpoint only if it extends the last one it co-signed: a fork shown to the witness is
   * refused, and log-verify with the witness's key accepts only a checkpoint the witness co-signed.
   */
  @Test
  void aWitnessCoSignsOnlyCheckpointsConsistentWithTheLastItSaw() throws IOException {
    Tree honest = new Tree(HashAlgorithm.SM3, leaves);
    Path state = dir.resolve("见证状态.txt");
    Path witnessKey = dir.resolve("见证密钥.pem");
    Path first = checkpoint("first.txt", honest, 17, key);
    assertThat(witness("--checkpoint", first, "--out", dir.resolve("cosigned-17.txt"))).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("已共同签署", "首次见证");
    assertThat(Files.readString(dir.resolve("cosigned-17.txt"))).startsWith(Files.readString(first).stripTrailing())
        .contains("\n— witness sm2 sm3:");

    Path second = checkpoint("second.txt", honest, 40, key);
    assertThat(witness("--checkpoint", second, "--consistency", proof(honest, 17, 40), "--out",
        dir.resolve("cosigned-40.txt"))).isZero();
    assertThat(Checkpoint.parse(Files.readString(state)).size()).isEqualTo(40);

    List<byte[]> forged = new ArrayList<>(leaves);
    forged.add("fact 40".getBytes(StandardCharsets.UTF_8));
    forged.set(5, "rewritten".getBytes(StandardCharsets.UTF_8));
    Tree fork = new Tree(HashAlgorithm.SM3, forged);
    assertThat(witness("--checkpoint", checkpoint("fork.txt", fork, 41, key), "--consistency", proof(fork, 40, 41),
        "--out", dir.resolve("cosigned-fork.txt"))).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("一致性证明不成立");
    assertThat(dir.resolve("cosigned-fork.txt")).doesNotExist();
    assertThat(Checkpoint.parse(Files.readString(state)).size()).as("the state is unchanged").isEqualTo(40);

    Path witnessPublic = Files.writeString(dir.resolve("见证公钥.pem"),
        new FileSigningKey(witnessKey, SignatureAlgorithm.SM2).publicKeyPem());
    assertThat(run("--witness-key", witnessPublic, "--checkpoint", first, "--checkpoint",
        dir.resolve("cosigned-40.txt"), "--consistency", proof(honest, 17, 40))).isZero();
    assertThat(run("--witness-key", witnessPublic, "--checkpoint", first, "--checkpoint", second, "--consistency",
        proof(honest, 17, 40))).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("没有该见证方的共同签署");
  }

  private int witness(Object... args) throws IOException {
    Path publicKey = Files.writeString(dir.resolve("公钥.pem"), key.publicKeyPem());
    List<String> all = new ArrayList<>(List.of("log-witness", "--public-key", publicKey.toString(), "--witness-key",
        dir.resolve("见证密钥.pem").toString(), "--state", dir.resolve("见证状态.txt").toString()));
    for (Object a : args) {
      all.add(a.toString());
    }
    out.reset();
    err.reset();
    return WitnessCommandLine.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void wrongUseNamesWhatIsMissing() throws IOException {
    Tree tree = new Tree(HashAlgorithm.SM3, leaves);
    Path older = checkpoint("old.txt", tree, 17, key);
    assertThat(new LogRun().run("log-verify", "--checkpoint", older.toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("缺少参数 --public-key", "用法");
    assertThat(run("--checkpoint", older)).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("须给出两个 --checkpoint 和一个 --consistency");
    Path notACheckpoint = Files.writeString(dir.resolve("x.txt"), "hello");
    assertThat(run("--checkpoint", notACheckpoint, "--checkpoint", older, "--consistency", proof(tree, 17, 17)))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("不是检查点");
    assertThat(run("--checkpoint", dir.resolve("no-such.txt"))).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("找不到文件");
  }

  /** A checkpoint of the tree's first {@code size} leaves, signed by {@code by}, as the server writes it. */
  private Path checkpoint(String name, Tree tree, long size, SigningKey by) throws IOException {
    Instant time = Instant.parse("2026-12-06T04:00:00Z");
    String root = HashAlgorithm.SM3.namedDigest(tree.root(size));
    byte[] signature = by.sign(Checkpoint.body("gx.titlereview/log", size, root, time)
        .getBytes(StandardCharsets.UTF_8));
    Checkpoint checkpoint = new Checkpoint("gx.titlereview/log", size, root, time, "sm2", by.fingerprint(), signature);
    assertThat(checkpoint.text()).endsWith(Base64.getEncoder().encodeToString(signature) + "\n");
    return Files.writeString(dir.resolve(name), checkpoint.text());
  }

  private Path proof(Tree tree, long from, long to) throws IOException {
    return Files.write(dir.resolve("proof-" + from + "-" + to + ".json"), Proofs.write(new Proofs.Consistency("sm3",
        from, to, tree.consistencyBytes(from, to).stream().map(HexFormat.of()::formatHex).toList())));
  }

  private int run(Object... args) throws IOException {
    Path publicKey = Files.writeString(dir.resolve("公钥.pem"), key.publicKeyPem());
    List<String> all = new ArrayList<>(List.of("log-verify", "--public-key", publicKey.toString()));
    for (Object a : args) {
      all.add(a.toString());
    }
    return new LogRun().run(all.toArray(String[]::new));
  }

  private final class LogRun {
    int run(String... args) {
      out.reset();
      err.reset();
      return LogCommandLine.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8));
    }
  }
}
