package cn.gx.titlereview.inspection;

import cn.gx.titlereview.inspection.InspectionRepository.Finding;
import cn.gx.titlereview.inspection.InspectionRepository.Inspection;
import cn.gx.titlereview.platform.security.CurrentUser;
import cn.gx.titlereview.platform.security.Groups;
import cn.gx.titlereview.region.Jurisdiction;
import cn.gx.titlereview.region.RegionViews;
import cn.gx.titlereview.platform.document.Downloads;
import cn.gx.titlereview.platform.document.Workbooks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** 督查 pages of the supervision view: the list with the forms that open inspections, and one inspection. */
@Controller
class InspectionPageController {

  private final InspectionService service;
  private final InspectionRepository inspections;
  private final CurrentUser currentUser;
  private final InspectionStaff staff;
  private final Jurisdiction jurisdiction;
  private final RegionViews regionViews;

  InspectionPageController(InspectionService service, InspectionRepository inspections,
      CurrentUser currentUser, InspectionStaff staff, Jurisdiction jurisdiction, RegionViews regionViews) {
    this.service = service;
    this.inspections = inspections;
    this.currentUser = currentUser;
    this.staff = staff;
    this.jurisdiction = jurisdiction;
    this.regionViews = regionViews;
  }

  @GetMapping("/supervision/inspections")
  public String list(Model model) {
    currentUser.requireAnyGroup(Groups.APPROVER, Groups.DEPT_HEAD);
    List<Inspection> all = inspections.list().stream().filter(staff::visible).toList();
    model.addAttribute("inspections", all.stream().map(i -> Map.of("inspection", i, "title", service.title(i),
        "findings", inspections.findings(i.id()))).toList());
    model.addAttribute("means", InspectionService.MEANS);
    model.addAttribute("triggers", InspectionService.TRIGGERS);
    model.addAttribute("canOpen", currentUser.isIn(Groups.APPROVER) || currentUser.isIn(Groups.ADMIN));
    return "inspections";
  }

  /** The inspections list as .xlsx: one row per finding (an inspection without findings gets one row). */
  @GetMapping("/supervision/inspections.xlsx")
  public ResponseEntity<byte[]> sheet() {
    currentUser.requireAnyGroup(Groups.APPROVER, Groups.DEPT_HEAD);
    List<List<Object>> rows = new ArrayList<>();
    for (Inspection i : inspections.list().stream().filter(staff::visible).toList()) {
      List<Finding> findings = inspections.findings(i.id());
      if (findings.isEmpty()) {
        rows.add(List.of(i.id(), service.title(i), i.opened(), i.state(), "", "", "", ""));
      }
      findings.forEach(f -> rows.add(List.of(i.id(), service.title(i), i.opened(), i.state(), f.rule(),
          f.responsible(), f.rectification(), f.status())));
    }
    return Downloads.xlsx("督查", Workbooks.write(Workbooks.Table.of("督查", List.of("督查编号", "督查", "立项", "状态",
        "违反的规定", "责任单位或责任人", "整改要求", "整改情况"), rows)));
  }

  @GetMapping("/supervision/inspections/{id}")
  public String inspection(@PathVariable long id, Model model) {
    currentUser.requireAnyGroup(InspectionController.READERS);
    Inspection inspection = staff.readable(id);
    model.addAttribute("inspection", inspection);
    model.addAttribute("title", service.title(inspection));
    model.addAttribute("findings", inspections.findings(id));
    model.addAttribute("grants", regionViews.grants(jurisdiction.region().committee(inspection.committeeId())));
    model.addAttribute("selection", inspection.selectionId() == null ? null
        : inspections.selection(inspection.selectionId()).orElse(null));
    return "inspection";
  }
}
