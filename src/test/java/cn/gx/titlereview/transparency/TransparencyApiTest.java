package cn.gx.titlereview.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.platform.crypto.PemKeys;
import cn.gx.titlereview.platform.crypto.SigningKey;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.support.Api;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.SessionFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The log as a supervisor reaches it: checkpoints as text and files, proofs over the API, checked as the verifier does. */
@IntegrationTest
class TransparencyApiTest {

  @Autowired SessionFixture fixture;
  @Autowired TransparencyLog transparencyLog;
  @Autowired TransparencySettings settings;
  @Autowired SigningKey key;
  @LocalServerPort int port;

  @Test
  void aCheckpointIsSignedTextWrittenAsAFileAndLaterOnesProveConsistentWithIt() throws Exception {
    ReviewSession session = fixture.sessionWithPanel();
    assertThat(transparencyLog.leavesOf(session.code())).extracting(LogEntry::kind)
        .containsExactly(SealedFact.DRAW_COMMITMENT, SealedFact.DRAW_REVEAL);
    Api api = new Api(port);
    Api.Reply made = api.postJson("/api/transparency/checkpoint", "supervisor1", "");
    assertThat(made.status()).isEqualTo(200);
    Checkpoint first = Checkpoint.parse(made.body());
    assertThat(made.body()).startsWith(settings.origin() + "\n" + first.size() + "\nsm3:")
        .contains("\n\n— sm2 " + key.fingerprint() + " ");
    assertThat(first.signedBy(PemKeys.publicKey(api.get("/api/archive/public-key", "supervisor1").body()))).isTrue();
    assertThat(api.get("/api/transparency/checkpoint", "unithead1").body()).isEqualTo(made.body());
    Path file = Path.of(settings.checkpointDirectory()).resolve(TransparencyLog.fileName(first.size()));
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(made.body());
    // Nothing sealed since: on demand gives the same checkpoint.
    assertThat(api.postJson("/api/transparency/checkpoint", "staff1", "").body()).isEqualTo(made.body());

    ReviewSession next = fixture.sessionWithPanel();
    Checkpoint second = Checkpoint.parse(api.postJson("/api/transparency/checkpoint", "approver1", "").body());
    assertThat(second.size()).isGreaterThanOrEqualTo(first.size() + 2);
    Api.Reply consistency = api.get("/api/transparency/consistency?from=" + first.size() + "&to=" + second.size(),
        "supervisor1");
    Proofs.Consistency proof = Proofs.read(consistency.body().getBytes(StandardCharsets.UTF_8),
        Proofs.Consistency.class);
    assertThat(MerkleTree.verifyConsistency(TransparencyLog.HASH, first.size(), second.size(), first.root(),
        second.root(), proof.proof().stream().map(HexFormat.of()::parseHex).toList())).isTrue();
    long leaf = transparencyLog.leavesOf(next.code()).get(0).index();
    Proofs.Inclusion inclusion = Proofs.read(api.get("/api/transparency/inclusion?leaf=" + leaf, "staff1").body()
        .getBytes(StandardCharsets.UTF_8), Proofs.Inclusion.class);
    assertThat(inclusion.leaf()).contains("kind: draw-commitment", "session: " + next.code());
    assertThat(MerkleTree.rootFromInclusion(TransparencyLog.HASH, leaf, inclusion.treeSize(),
        HexFormat.of().parseHex(inclusion.leafHash()), inclusion.auditPath().stream().map(HexFormat.of()::parseHex)
            .toList())).isEqualTo(Checkpoint.parse(inclusion.checkpoint()).root());

    // 附件1's page: beside the signatures, each sealed fact's leaf and the checkpoint that includes it.
    String page = api.get("/sessions/" + next.code() + "/record", "supervisor1").body();
    assertThat(page).contains("透明日志（全区共用，不属于签字内容）", "第 " + leaf + " 号 · 抽取承诺",
        "已计入检查点（" + second.size() + " 条记录", inclusion.auditPath().get(0),
        "/api/transparency/inclusion?leaf=" + leaf + "&amp;size=" + second.size());
    Files.createDirectories(Path.of("target", "screenshots"));
    Files.writeString(Path.of("target", "screenshots", "record-transparency.html"), page);
  }

  @Test
  void wrongSizesAreRefusedInPlainWords() {
    Api api = new Api(port);
    fixture.sessionWithPanel();
    long size = transparencyLog.size();
    Api.Reply reply = api.get("/api/transparency/consistency?from=" + (size + 1) + "&to=" + size, "supervisor1");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body()).contains("树大小应满足 0 ≤ from ≤ to ≤ " + size);
    assertThat(api.get("/api/transparency/consistency?from=1", "supervisor1").body()).contains("请提供两个检查点的大小");
    assertThat(api.get("/api/transparency/checkpoints/" + (size + 100), "supervisor1").status()).isEqualTo(404);
  }

  @Test
  void aLeafKeepsItsFieldsOnOneLineEachWhateverTheyHold() {
    SealedFact fact = SealedFact.of("spot-check-reveal", "S-1", java.time.Instant.parse("2026-06-24T02:00:00.123Z"),
        "phrase", "两行\n短语 \\ 反斜杠", "seed", "ab");
    String leaf = new String(fact.leaf(), StandardCharsets.UTF_8);
    assertThat(leaf).isEqualTo("titlereview-leaf v1\nkind: spot-check-reveal\nsession: S-1\n"
        + "time: 2026-06-24T02:00:00Z\nphrase: 两行\\n短语 \\\\ 反斜杠\nseed: ab\n");
    assertThat(SealedFact.field(leaf, "phrase")).isEqualTo("两行\n短语 \\ 反斜杠");
    assertThat(List.of(leaf.split("\n"))).hasSize(6);
  }
}
