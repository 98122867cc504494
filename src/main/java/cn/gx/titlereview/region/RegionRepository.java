package cn.gx.titlereview.region;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The organization tree, the committee registry, accounts' organizations and grants. */
@Repository
class RegionRepository {

  private final JdbcClient jdbc;

  RegionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<Organization> organizations() {
    return jdbc.sql("select * from organization order by code").query(RegionRepository::organization).list();
  }

  List<Committee> committees() {
    return jdbc.sql("select * from committee order by code").query(RegionRepository::committee).list();
  }

  /** Grants not revoked that end on {@code from} or later: those that can still be in force. */
  List<Grant> grantsEndingOnOrAfter(LocalDate from) {
    return jdbc.sql("select * from jurisdiction_grant where revoked_at is null and valid_to >= ? order by id")
        .param(Date.valueOf(from)).query(RegionRepository::grant).list();
  }

  List<Grant> grantsOf(long committeeId) {
    return jdbc.sql("select * from jurisdiction_grant where committee_id = ? order by id").param(committeeId)
        .query(RegionRepository::grant).list();
  }

  Optional<Grant> grant(long id) {
    return jdbc.sql("select * from jurisdiction_grant where id = ?").param(id).query(RegionRepository::grant)
        .optional();
  }

  Optional<Long> organizationOf(String userId) {
    return jdbc.sql("select organization_id from account where user_id = ?").param(userId).query(Long.class)
        .optional();
  }

  /** The organizations of those of {@code userIds} that hold an account, by user id. */
  Map<String, Long> organizationsOf(Collection<String> userIds) {
    return userIds.isEmpty() ? Map.of()
        : jdbc.sql("select user_id, organization_id from account where user_id in (:ids)").param("ids", userIds)
            .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  List<Account> accounts() {
    return jdbc.sql("select a.user_id, o.code from account a join organization o on o.id = a.organization_id "
        + "order by a.user_id").query((rs, n) -> new Account(rs.getString(1), rs.getString(2))).list();
  }

  List<String> members(long organizationId) {
    return jdbc.sql("select user_id from account where organization_id = ? order by user_id")
        .param(organizationId).query(String.class).list();
  }

  record Account(String userId, String organizationCode) {
  }

  void saveOrganization(String code, String name, OrganizationKind kind, Long parentId, String by, Instant at) {
    int updated = jdbc.sql("""
            update organization set name = ?, kind = ?, parent_id = ?, migrated = false, changed_by = ?, changed_at = ?
            where code = ?""")
        .params(name, kind.name(), parentId, by, Timestamp.from(at), code).update();
    if (updated == 0) {
      jdbc.sql("""
              insert into organization (code, name, kind, parent_id, changed_by, changed_at)
              values (?, ?, ?, ?, ?, ?)""")
          .params(code, name, kind.name(), parentId, by, Timestamp.from(at)).update();
    }
  }

  Long organizationId(String code) {
    return jdbc.sql("select id from organization where code = ?").param(code).query(Long.class).optional()
        .orElse(null);
  }

  void saveCommittee(Committee c, String by, Instant at) {
    Object[] values = {c.name(), c.level(), c.series(), String.join("、", c.specialties()), c.organisingUnitId(),
        c.approvingUnitId(), c.industryDepartmentId(), c.selfManaged(), c.approvalNo(), date(c.validFrom()),
        date(c.validTo()), c.status().name(), c.statusReason(), by, Timestamp.from(at), c.code()};
    int updated = jdbc.sql("""
            update committee set name = ?, level = ?, series = ?, specialties = ?, organising_unit_id = ?,
              approving_unit_id = ?, industry_department_id = ?, self_managed = ?, approval_no = ?, valid_from = ?,
              valid_to = ?, status = ?, status_reason = ?, migrated = false, changed_by = ?, changed_at = ?
            where code = ?""")
        .params(values).update();
    if (updated == 0) {
      jdbc.sql("""
              insert into committee (name, level, series, specialties, organising_unit_id, approving_unit_id,
                industry_department_id, self_managed, approval_no, valid_from, valid_to, status, status_reason,
                changed_by, changed_at, code)
              values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(values).update();
    }
  }

  void saveAccount(String userId, long organizationId, String by, Instant at) {
    int updated = jdbc.sql("update account set organization_id = ?, changed_by = ?, changed_at = ? where user_id = ?")
        .params(organizationId, by, Timestamp.from(at), userId).update();
    if (updated == 0) {
      jdbc.sql("insert into account (user_id, organization_id, changed_by, changed_at) values (?, ?, ?, ?)")
          .params(userId, organizationId, by, Timestamp.from(at)).update();
    }
  }

  long insertGrant(long committeeId, long granteeId, String purpose, String reason, LocalDate from, LocalDate to,
      Long inspectionId, String by, Instant at) {
    jdbc.sql("""
            insert into jurisdiction_grant (committee_id, grantee_id, purpose, reason, valid_from, valid_to,
              inspection_id, granted_by, granted_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(committeeId, granteeId, purpose, reason, Date.valueOf(from), Date.valueOf(to), inspectionId, by,
            Timestamp.from(at))
        .update();
    return jdbc.sql("select max(id) from jurisdiction_grant where committee_id = ? and granted_by = ?")
        .params(committeeId, by).query(Long.class).single();
  }

  void revokeGrant(long id, String by, Instant at) {
    jdbc.sql("update jurisdiction_grant set revoked_by = ?, revoked_at = ? where id = ? and revoked_at is null")
        .params(by, Timestamp.from(at), id).update();
  }

  private static Date date(LocalDate day) {
    return day == null ? null : Date.valueOf(day);
  }

  private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
    Date day = rs.getDate(column);
    return day == null ? null : day.toLocalDate();
  }

  private static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp at = rs.getTimestamp(column);
    return at == null ? null : at.toInstant();
  }

  private static Organization organization(ResultSet rs, int row) throws SQLException {
    return new Organization(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
        OrganizationKind.valueOf(rs.getString("kind")), nullableLong(rs, "parent_id"), rs.getBoolean("migrated"));
  }

  private static Committee committee(ResultSet rs, int row) throws SQLException {
    String specialties = rs.getString("specialties");
    return new Committee(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("level"),
        rs.getString("series"), specialties == null || specialties.isBlank() ? List.of()
            : Arrays.stream(specialties.split("、")).toList(),
        rs.getLong("organising_unit_id"), rs.getLong("approving_unit_id"), nullableLong(rs, "industry_department_id"),
        rs.getBoolean("self_managed"), rs.getString("approval_no"), localDate(rs, "valid_from"),
        localDate(rs, "valid_to"), CommitteeStatus.valueOf(rs.getString("status")), rs.getString("status_reason"),
        rs.getBoolean("migrated"));
  }

  private static Grant grant(ResultSet rs, int row) throws SQLException {
    return new Grant(rs.getLong("id"), rs.getLong("committee_id"), rs.getLong("grantee_id"), rs.getString("purpose"),
        rs.getString("reason"), localDate(rs, "valid_from"), localDate(rs, "valid_to"),
        nullableLong(rs, "inspection_id"), rs.getString("granted_by"), instant(rs, "granted_at"),
        rs.getString("revoked_by"), instant(rs, "revoked_at"));
  }
}
