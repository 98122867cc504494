package cn.gx.titlereview.inspection;

import cn.gx.titlereview.inspection.InspectionRepository.Finding;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The findings to rectify, one rectification sub-process each: {@code ${inspectionFindings.ids(inspectionId)}}.
 * Public because the engine's expressions call it.
 */
@Component("inspectionFindings")
public class InspectionFindings {

  private final InspectionRepository inspections;

  InspectionFindings(InspectionRepository inspections) {
    this.inspections = inspections;
  }

  public List<Long> ids(Number inspectionId) {
    return inspections.findings(inspectionId.longValue()).stream().map(Finding::id).toList();
  }
}
