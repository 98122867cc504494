package cn.gx.titlereview.platform.migration;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives process instances started before they had a tenant the tenant they would have today: the root instance,
 * every instance it called, and all their runtime and history rows. The engine offers no call for this, so it writes
 * the tenant column of Camunda 7.24's tables; rows that already have a tenant keep it. Used once, by the upgrade to
 * the region (V31), and a no-op afterwards.
 */
@Component
public class InstanceTenants {

  /** The tables of Camunda 7.24 with a tenant and the root process instance of each row. */
  static final List<String> BY_ROOT = List.of("ACT_RU_EXECUTION", "ACT_RU_JOB", "ACT_HI_ACTINST", "ACT_HI_TASKINST",
      "ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_HI_IDENTITYLINK", "ACT_HI_COMMENT", "ACT_HI_ATTACHMENT", "ACT_HI_OP_LOG",
      "ACT_HI_INCIDENT", "ACT_HI_JOB_LOG", "ACT_HI_EXT_TASK_LOG", "ACT_HI_DECINST", "ACT_HI_DEC_IN", "ACT_HI_DEC_OUT",
      "ACT_GE_BYTEARRAY", "ACT_HI_PROCINST");
  /** Those with a tenant and the row's own process instance only. */
  static final List<String> BY_INSTANCE = List.of("ACT_RU_TASK", "ACT_RU_VARIABLE", "ACT_RU_EVENT_SUBSCR",
      "ACT_RU_INCIDENT", "ACT_RU_EXT_TASK");

  /** A root instance without a tenant: its id, business key, definition key and a variable's text value. */
  public record Untenanted(String id, String businessKey, String definitionKey, String variable) {
  }

  private final JdbcClient jdbc;

  InstanceTenants(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Root instances (running or ended) without a tenant, with the text of their variable {@code name} if any. */
  public List<Untenanted> untenantedRoots(String variable) {
    return jdbc.sql("""
            select p.ID_, p.BUSINESS_KEY_, p.PROC_DEF_KEY_, v.TEXT_ from ACT_HI_PROCINST p
            left join ACT_HI_VARINST v on v.PROC_INST_ID_ = p.ID_ and v.NAME_ = ?
            where p.TENANT_ID_ is null and p.ID_ = p.ROOT_PROC_INST_ID_ order by p.START_TIME_""")
        .param(variable)
        .query((rs, n) -> new Untenanted(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
  }

  /** Gives the root instance and its descendants the tenant; returns the rows changed. */
  @Transactional
  public int assign(String rootProcessInstanceId, String tenantId) {
    int changed = 0;
    // The rows of each instance first, while the history still tells which instances descend from the root.
    for (String table : BY_INSTANCE) {
      changed += jdbc.sql("update " + table + " set TENANT_ID_ = ? where TENANT_ID_ is null and PROC_INST_ID_ in "
              + "(select ID_ from ACT_HI_PROCINST where ROOT_PROC_INST_ID_ = ?)")
          .params(tenantId, rootProcessInstanceId).update();
    }
    for (String table : BY_ROOT) {
      changed += jdbc.sql("update " + table + " set TENANT_ID_ = ? where TENANT_ID_ is null and ROOT_PROC_INST_ID_ = ?")
          .params(tenantId, rootProcessInstanceId).update();
    }
    return changed;
  }
}
