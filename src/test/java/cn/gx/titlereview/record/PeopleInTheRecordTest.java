package cn.gx.titlereview.record;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.region.PersonNames;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.TestData;
import cn.gx.titlereview.support.TestRegion;
import cn.gx.titlereview.workflow.attestation.AttestationRepository;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 附件1 and what people read name people — 「赵强（纪检监督员，某单位）于 … 填报」 — while the record keeps the account ids
 * its signatures bind, so that a new unit or a corrected name changes what is shown and leaves every signature valid.
 */
@IntegrationTest
class PeopleInTheRecordTest {

  private static final String UNIT_A = "南宁建设工程集团有限公司";
  private static final String UNIT_B = "桂林市建筑设计研究院";

  @Autowired TestData data;
  @Autowired TestRegion region;
  @Autowired PersonNames names;
  @Autowired RecordService records;
  @Autowired RecordPrint.Factory prints;
  @Autowired AttestationRepository attestations;
  @Autowired IdentityService identityService;

  @Test
  void aPersonIsNamedWithRoleAndUnitAndTheAccountOnlyForAdministrators() {
    assertThat(names.label("supervisor1")).isEqualTo("赵强（纪检监督员，" + UNIT_A + "）");
    assertThat(names.book(List.of("supervisor1")).labelWithAccount("supervisor1"))
        .isEqualTo("赵强（纪检监督员，" + UNIT_A + "；账号 supervisor1）");
    String stored = "supervisor1 于 2026-12-10 11:33 填报；文件 supervisor1.xlsx，哈希 ab12";
    assertThat(names.book(Stream.of(stored)).text(stored))
        .isEqualTo("赵强（纪检监督员，" + UNIT_A + "） 于 2026-12-10 11:33 填报；文件 supervisor1.xlsx，哈希 ab12");
    assertThat(names.label("no-such-account")).isEqualTo("no-such-account");
  }

  @Test
  void aNewUnitOrACorrectedNameChangesWhatIsShownAndLeavesTheSignedRecordAlone() {
    String account = "supervisor" + System.nanoTime() % 1_000_000;
    User user = identityService.newUser(account);
    user.setFirstName("周");
    user.setLastName("敏");
    identityService.saveUser(user);
    region.account(account, "GX-UNIT-A", "纪检监督员");
    ReviewSession session = data.session("正高");
    attestations.append(session.id(), "disciplineSupervisorPresent", "yes", account,
        Instant.parse("2026-12-10T03:33:00Z"), null);
    String hash = records.hash(session);
    assertThat(evidence(session)).isEqualTo("周敏（纪检监督员，" + UNIT_A + "） 于 2026-12-10 11:33 填报");

    region.account(account, "GX-UNIT-B", "纪检监督员");
    user = identityService.createUserQuery().userId(account).singleResult();
    user.setLastName("敏华");
    identityService.saveUser(user);

    assertThat(evidence(session)).isEqualTo("周敏华（纪检监督员，" + UNIT_B + "） 于 2026-12-10 11:33 填报");
    assertThat(records.hash(session)).isEqualTo(hash);
    assertThat(items(records.form(session)).filter(i -> i.text().equals(ITEM)).map(RecordForm.Item::evidence))
        .containsExactly(account + " 于 2026-12-10 11:33 填报");
  }

  private static final String ITEM = "评审期间是否邀请纪检部门人员全程监督";

  private String evidence(ReviewSession session) {
    RecordPrint print = prints.of(records.form(session));
    return print.evidence(items(print.form()).filter(i -> i.text().equals(ITEM)).findFirst().orElseThrow());
  }

  private static Stream<RecordForm.Item> items(RecordForm form) {
    return form.sections().stream().flatMap(s -> s.groups().stream()).flatMap(g -> g.items().stream());
  }
}
