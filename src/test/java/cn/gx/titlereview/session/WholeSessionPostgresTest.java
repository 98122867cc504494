package cn.gx.titlereview.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gx.titlereview.platform.crypto.HashAlgorithm;
import cn.gx.titlereview.support.EmbeddedPostgres;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.transparency.MerkleTree;
import cn.gx.titlereview.transparency.Proofs;
import cn.gx.titlereview.transparency.SealedFact;
import cn.gx.titlereview.transparency.TransparencyLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same session on a real PostgreSQL 14: our Flyway migrations, Camunda's schema and every query on it. On a
 * database of its own, because it ends by tampering with the transparency log as a dishonest administrator would.
 */
@IntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class WholeSessionPostgresTest extends WholeSessionScenario {

  @Autowired JdbcClient jdbc;

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgres.register(registry, "whole_session_" + ProcessHandle.current().pid());
  }

  /**
   * Whoever holds the server rewrites the session's signed record hash in the log and recomputes every hash of the
   * tree, as a forger would. The package and the checkpoint file kept before still verify; the server refuses to sign
   * a checkpoint inconsistent with its last one, and once that one is deleted too, the checkpoint it signs cannot be
   * proved consistent with the supervisor's file: {@code log-verify} says so.
   */
  @Override
  void afterwards(ReviewSession session) throws Exception {
    long leaf = transparencyLog.leavesOf(session.code()).stream()
        .filter(l -> l.kind().equals("record-signature")).findFirst().orElseThrow().index();
    String forged = jdbc.sql("select leaf from transparency_leaf where leaf_index = ?").param(leaf)
        .query(String.class).single().replaceAll("record: sm3:[0-9a-f]{64}", "record: sm3:" + "0".repeat(64));
    jdbc.sql("update transparency_leaf set leaf = ?, leaf_hash = ? where leaf_index = ?").params(forged,
        HexFormat.of().formatHex(MerkleTree.leafHash(HashAlgorithm.SM3, forged.getBytes(StandardCharsets.UTF_8))),
        leaf).update();
    List<byte[]> hashes = jdbc.sql("select leaf_hash from transparency_leaf order by leaf_index").query(String.class)
        .list().stream().map(HexFormat.of()::parseHex).toList();
    jdbc.sql("delete from transparency_node").update();
    MerkleTree.append(HashAlgorithm.SM3, 0, Map.of(), hashes).forEach((node, hash) -> jdbc.sql(
        "insert into transparency_node (level, node_index, hash) values (?, ?, ?)")
        .params(node.level(), node.index(), HexFormat.of().formatHex(hash)).update());

    assertThat(evidence.logVerify("--checkpoint", evidence.checkpoint().toString(), "--package",
        evidence.zip().toString())).as("what was kept before still verifies").isZero();
    assertThatThrownBy(transparencyLog::checkpoint).isInstanceOf(TransparencyLog.LogInconsistent.class)
        .hasMessageContaining("日志中已有记录被改动或删除");

    // The forger deletes the checkpoints the server kept, and the log goes on: the next session seals a fact.
    jdbc.sql("delete from transparency_checkpoint").update();
    transparencyLog.seal(SealedFact.of(SealedFact.DRAW_COMMITMENT, "NEXT-SESSION", java.time.Instant.now(),
        "pool", "sm3:" + "1".repeat(64), "random", "sm3:" + "2".repeat(64)));
    var rewritten = transparencyLog.checkpoint();
    long kept = cn.gx.titlereview.transparency.Checkpoint.parse(Files.readString(evidence.checkpoint())).size();
    Path newer = Files.writeString(evidence.dir().resolve("新检查点.txt"), rewritten.text());
    Path proof = Files.write(evidence.dir().resolve("一致性证明.json"),
        Proofs.write(transparencyLog.consistency(kept, rewritten.size())));
    assertThat(evidence.logVerify("--checkpoint", evidence.checkpoint().toString(), "--checkpoint", newer.toString(),
        "--consistency", proof.toString())).isEqualTo(1);
    assertThat(Evidence.said.get()).contains("一致性证明不成立", "已有记录被改动或删除", "核验未通过");
  }
}
