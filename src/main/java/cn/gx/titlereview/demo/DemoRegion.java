package cn.gx.titlereview.demo;

import cn.gx.titlereview.platform.importing.ImportFile;
import cn.gx.titlereview.platform.security.Groups;
import cn.gx.titlereview.region.RegionRegistry;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo region, so that the tour works and anyone can see the rule 谁批准组建，谁负责监管: unit A in 南宁 with
 * committee GX-DEMO-A, approved by 南宁市职改办; unit B in 桂林 with GX-DEMO-B, approved by 桂林市职改办; both
 * intermediate, so that the 自治区职改办 reaches both; and the 住房和城乡建设厅 as A's industry department. Written
 * through the same imports the 职改办 use; idempotent.
 */
@Component
@Profile("demo")
@Order(3)
class DemoRegion implements ApplicationRunner {

  static final List<Map<String, Object>> ORGANIZATIONS = List.of(
      Map.of("code", "GX-NN", "name", "南宁市职称改革工作领导小组办公室", "kind", "市职改办", "parentCode", "GX"),
      Map.of("code", "GX-GL", "name", "桂林市职称改革工作领导小组办公室", "kind", "市职改办", "parentCode", "GX"),
      Map.of("code", "GX-ZJT", "name", "广西壮族自治区住房和城乡建设厅", "kind", "行业主管部门", "parentCode", "GX"),
      Map.of("code", "GX-UNIT-A", "name", "南宁建设工程集团有限公司", "kind", "评委会组建单位", "parentCode", "GX-NN"),
      Map.of("code", "GX-UNIT-B", "name", "桂林市建筑设计研究院", "kind", "评委会组建单位", "parentCode", "GX-GL"));

  static final List<Map<String, Object>> COMMITTEES = List.of(
      Map.ofEntries(Map.entry("code", "GX-DEMO-A"), Map.entry("name", "南宁建设工程集团有限公司工程技术中级职称评审委员会"),
          Map.entry("level", "中级"), Map.entry("series", "工程"),
          Map.entry("specialties", "土木工程、电气工程、机械工程、计算机技术、化学工程"),
          Map.entry("organisingUnitCode", "GX-UNIT-A"), Map.entry("approvingUnitCode", "GX-NN"),
          Map.entry("industryDepartmentCode", "GX-ZJT"), Map.entry("selfManaged", "是"),
          Map.entry("approvalNo", "南职改办〔2025〕3号"), Map.entry("validFrom", "2025-01-01"),
          Map.entry("validTo", "2029-12-31")),
      Map.ofEntries(Map.entry("code", "GX-DEMO-B"), Map.entry("name", "桂林市建筑设计研究院工程技术中级职称评审委员会"),
          Map.entry("level", "中级"), Map.entry("series", "工程"),
          Map.entry("specialties", "土木工程、电气工程、机械工程、计算机技术、化学工程"),
          Map.entry("organisingUnitCode", "GX-UNIT-B"), Map.entry("approvingUnitCode", "GX-GL"),
          Map.entry("selfManaged", "是"), Map.entry("approvalNo", "桂市职改办〔2024〕11号"),
          Map.entry("validFrom", "2024-07-01"), Map.entry("validTo", "2029-06-30")));

  static final Map<String, String> ACCOUNTS = Map.ofEntries(
      Map.entry("staff1", "GX-UNIT-A"), Map.entry("staff3", "GX-UNIT-A"), Map.entry("staff4", "GX-UNIT-A"),
      Map.entry("supervisor1", "GX-UNIT-A"), Map.entry("unithead1", "GX-UNIT-A"),
      Map.entry("staff2", "GX-UNIT-B"), Map.entry("staff5", "GX-UNIT-B"), Map.entry("staff6", "GX-UNIT-B"),
      Map.entry("supervisor2", "GX-UNIT-B"), Map.entry("unithead2", "GX-UNIT-B"),
      Map.entry("nn-approver1", "GX-NN"), Map.entry("gl-approver1", "GX-GL"), Map.entry("approver1", "GX"),
      Map.entry("depthead1", "GX-ZJT"), Map.entry("monitor1", "GX"));

  private final RegionRegistry registry;
  private final ObjectMapper json;

  DemoRegion(RegionRegistry registry, ObjectMapper json) {
    this.registry = registry;
    this.json = json;
  }

  @Override
  public void run(ApplicationArguments args) {
    RegionRegistry.Writer administrator = new RegionRegistry.Writer("admin", true, null);
    registry.saveOrganizations(file(ORGANIZATIONS), administrator);
    registry.saveCommittees(file(COMMITTEES), administrator);
    List<Map<String, Object>> accounts = DemoUsers.USERS.stream().filter(u -> ACCOUNTS.containsKey(u.id()))
        .<Map<String, Object>>map(u -> Map.of("userId", u.id(), "organizationCode", ACCOUNTS.get(u.id()),
            "roles", Groups.name(u.group()))).toList();
    registry.saveAccounts(file(accounts), administrator);
  }

  private ImportFile file(List<Map<String, Object>> rows) {
    try {
      return new ImportFile("demo-region.json", json.writeValueAsString(rows).getBytes(StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
