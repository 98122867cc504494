package cn.gx.titlereview.support;

import cn.gx.titlereview.platform.importing.ImportFile;
import cn.gx.titlereview.region.Committee;
import cn.gx.titlereview.region.Jurisdiction;
import cn.gx.titlereview.region.RegionRegistry;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Committees for the tests beside the demo region's: organised by unit A (staff1, staff3, staff4, supervisor1,
 * unithead1), approved by the 自治区职改办 (approver1), of the 住房和城乡建设厅's industry (depthead1), one per level,
 * and one per name a test asks for.
 */
@Component
@Profile("demo")
@Order(4)
public class TestRegion implements ApplicationRunner {

  /** 高级, for 正高 and 副高 sessions. */
  public static final String SENIOR = "IT-SENIOR";
  public static final String INTERMEDIATE = "IT-INTERMEDIATE";
  public static final String JUNIOR = "IT-JUNIOR";
  public static final String SENIOR_NAME = "广西工程系列高级职称评审委员会";

  private static final RegionRegistry.Writer ADMIN = new RegionRegistry.Writer("admin", true, null);

  private final RegionRegistry registry;
  private final Jurisdiction jurisdiction;
  private final ObjectMapper json;

  TestRegion(RegionRegistry registry, Jurisdiction jurisdiction, ObjectMapper json) {
    this.registry = registry;
    this.jurisdiction = jurisdiction;
    this.json = json;
  }

  @Override
  public void run(ApplicationArguments args) {
    save(SENIOR, SENIOR_NAME, "高级");
    save(INTERMEDIATE, "广西工程系列中级职称评审委员会", "中级");
    save(JUNIOR, "广西工程系列初级职称评审委员会", "初级");
  }

  /** The committee of that name reviewing sessions of that level (正高…初级), registered on first use. */
  public Committee committee(String name, String sessionLevel) {
    String level = Committee.SESSION_LEVELS.entrySet().stream().filter(e -> e.getValue().contains(sessionLevel))
        .findFirst().orElseThrow().getKey();
    String code = "IT-" + HexFormat.of().withUpperCase().toHexDigits((name + level).hashCode());
    return jurisdiction.region().committee(code).orElseGet(() -> {
      save(code, name, level);
      return jurisdiction.region().committee(code).orElseThrow();
    });
  }

  private void save(String code, String name, String level) {
    if (jurisdiction.region().committee(code).isPresent()) {
      return;
    }
    registry.saveCommittees(file(Map.of("code", code, "name", name, "level", level, "series", "工程",
        "organisingUnitCode", "GX-UNIT-A", "approvingUnitCode", "GX", "industryDepartmentCode", "GX-ZJT")), ADMIN);
  }

  /** Places an account in an organization with one role there (工作人员, 纪检监督员…), as an administrator would. */
  public void account(String userId, String organizationCode, String roleLabel) {
    registry.saveAccounts(file(Map.of("userId", userId, "organizationCode", organizationCode, "roles", roleLabel)),
        ADMIN);
  }

  private ImportFile file(Map<String, Object> row) {
    try {
      return new ImportFile("test-region.json", json.writeValueAsString(List.of(row)).getBytes(StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
