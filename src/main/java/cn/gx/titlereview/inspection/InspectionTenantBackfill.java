package cn.gx.titlereview.inspection;

import cn.gx.titlereview.platform.migration.InstanceTenants;
import cn.gx.titlereview.region.Committee;
import cn.gx.titlereview.region.Jurisdiction;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The inspections opened before the region (V31) get their committee's tenant, as the sessions do: an inspection's
 * process by the inspection it runs, a complaint clue declined before any inspection by its committee's name.
 */
@Component
@Order(21)
class InspectionTenantBackfill implements ApplicationRunner {

  private final InstanceTenants tenants;
  private final Jurisdiction jurisdiction;
  private final InspectionRepository inspections;

  InspectionTenantBackfill(InstanceTenants tenants, Jurisdiction jurisdiction, InspectionRepository inspections) {
    this.tenants = tenants;
    this.jurisdiction = jurisdiction;
    this.inspections = inspections;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (InstanceTenants.Untenanted root : tenants.untenantedRoots("committeeName")) {
      if (!InspectionService.PROCESS.equals(root.definitionKey())) {
        continue;
      }
      Long committeeId = inspections.committeeOfProcess(root.id()).orElse(null);
      Committee committee = committeeId != null ? jurisdiction.region().committee(committeeId)
          : jurisdiction.region().committees().stream().filter(c -> c.name().equals(root.variable())).findFirst()
              .orElse(null);
      if (committee != null) {
        tenants.assign(root.id(), committee.code());
      }
    }
  }
}
