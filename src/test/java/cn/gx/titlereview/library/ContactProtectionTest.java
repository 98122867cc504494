package cn.gx.titlereview.library;

import static cn.gx.titlereview.support.TestData.context;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.draw.RosterGate;
import cn.gx.titlereview.platform.audit.AuditEntry;
import cn.gx.titlereview.platform.audit.AuditKind;
import cn.gx.titlereview.platform.audit.AuditTrail;
import cn.gx.titlereview.region.Committee;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.support.Api;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.SessionFixture;
import cn.gx.titlereview.support.TestData;
import cn.gx.titlereview.support.TestRegion;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 个人信息保护: a telephone number known to the test is nowhere in the database in plain text — not in the library,
 * the sessions' rows, the import journals, the audit trail or the engine's tables — supervisors and the approving
 * unit see it masked, and the session's staff see it whole on the contact page, which leaves a line in the audit
 * trail that the supervisors read.
 */
@IntegrationTest
class ContactProtectionTest {

  static final String PHONE = "13977123456";
  static final String MASKED = "139****3456";

  @LocalServerPort int port;
  @Autowired TestData data;
  @Autowired TestRegion region;
  @Autowired SessionFixture fixture;
  @Autowired LibraryService library;
  @Autowired RosterGate rosterGate;
  @Autowired AuditTrail audit;
  @Autowired JdbcClient jdbc;

  @Test
  void aKnownNumberIsStoredEncryptedShownMaskedAndWholeOnlyToTheSessionsStaffWithAnAuditLine() {
    Committee committee = region.committee("联系方式保护评委会", "正高");
    List<Map<String, Object>> experts = LibraryTest.experts(6);
    experts.get(0).put("phone", PHONE);
    experts.get(0).put("email", "expert1@example.cn");
    Api api = new Api(port);
    // Through the API, as the keeper would: preview, then confirm the same file.
    byte[] file = data.json(experts).content();
    Api.Reply preview = api.postFile("/api/committees/" + committee.code() + "/library/preview", "staff1",
        "library.json", file);
    assertThat(preview.status()).isEqualTo(200);
    assertThat(preview.body()).doesNotContain(PHONE);
    assertThat(api.postFile("/api/committees/" + committee.code() + "/library/imports?baseVersion=0", "staff1",
        "library.json", file).status()).isEqualTo(200);
    ReviewSession session = fixture.sessionWithApplicants(committee.name(), "正高", 2026);
    rosterGate.check(context(session, "panelSize", 6, "reserveCount", 0, "minPerGroup", 3));
    fixture.draw(session, 6, 0, 3);

    // Supervisors and the approving unit: masked.
    Api.Reply approver = api.get("/api/committees/" + committee.code() + "/library", "approver1");
    assertThat(approver.status()).isEqualTo(200);
    assertThat(approver.body()).contains(MASKED).doesNotContain(PHONE);
    Api.Reply callList = api.get("/api/sessions/" + session.code() + "/expert-replies/call-list", "supervisor1");
    assertThat(callList.status()).isEqualTo(200);
    assertThat(callList.body()).doesNotContain(PHONE);
    assertThat(api.get("/api/sessions/" + session.code() + "/draw/contacts", "supervisor1").status()).isEqualTo(403);
    assertThat(api.get("/api/sessions/" + session.code() + "/draw", "supervisor1").body()).doesNotContain(PHONE);
    assertThat(api.get("/supervision/sessions/" + session.code(), "approver1").body())
        .contains("评委会专家库：第 1 版，6 人").doesNotContain(PHONE);

    // The session's staff: whole, on the contact page, and the read is on record for the supervisors.
    Api.Reply page = api.get("/sessions/" + session.code() + "/draw/contacts", "staff1");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains(PHONE, "expert1@example.cn");
    assertThat(audit.about(session.code())).filteredOn(e -> e.actor().equals("staff1"))
        .extracting(AuditEntry::kind, AuditEntry::detail)
        .contains(org.assertj.core.groups.Tuple.tuple(AuditKind.CONFIDENTIAL_READ, "评委联系方式（完整电话和邮箱）"));
    Api.Reply log = api.get("/api/committees/" + committee.code() + "/library/access-log", "supervisor1");
    assertThat(log.status()).isEqualTo(200);
    assertThat(log.body()).contains("评委联系方式（完整电话和邮箱）", "专家库名单第 1 页");
    assertThat(api.get("/api/committees/" + committee.code() + "/library/access-log", "staff2").status())
        .isEqualTo(403);

    // Exports: without contacts for the approving unit, with them for the keeper; both logged.
    assertThat(api.get("/api/committees/" + committee.code() + "/library/export", "approver1").status())
        .isEqualTo(200);
    assertThat(api.get("/api/committees/" + committee.code() + "/library/export", "staff1").status())
        .isEqualTo(200);
    assertThat(audit.about(LibraryService.subject(committee))).filteredOn(e -> e.kind() == AuditKind.EXPORT)
        .extracting(AuditEntry::actor, AuditEntry::detail).anySatisfy(t -> assertThat(t.toList())
            .containsExactly("approver1", "导出专家库第 1 版 6 行（不含联系方式）"))
        .anySatisfy(t -> assertThat(t.toList()).first().isEqualTo("staff1"));

    // Nowhere in plain text: every table of the database, the engine's included, as H2 dumps it (binary as hex).
    String hex = HexFormat.of().formatHex(PHONE.getBytes(StandardCharsets.UTF_8));
    List<String> script = jdbc.sql("script nopasswords nosettings").query(String.class).list();
    assertThat(script).as("the database's statements").hasSizeGreaterThan(100)
        .anyMatch(line -> line.contains("ACT_GE_BYTEARRAY")).anyMatch(line -> line.contains("IMPORT_JOURNAL"))
        .noneMatch(line -> line.contains(PHONE) || line.toLowerCase().contains(hex));
  }
}
