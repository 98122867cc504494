package cn.gx.titlereview.inspection;

import cn.gx.titlereview.inspection.InspectionRepository.Inspection;
import cn.gx.titlereview.inspection.InspectionRepository.Selection;
import cn.gx.titlereview.platform.importing.Recorded;
import cn.gx.titlereview.platform.importing.UploadReader;
import cn.gx.titlereview.platform.security.CurrentUser;
import cn.gx.titlereview.platform.security.Groups;
import cn.gx.titlereview.platform.web.BusinessException;
import cn.gx.titlereview.region.Jurisdiction;
import cn.gx.titlereview.region.Organization;
import cn.gx.titlereview.region.RegionViews;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Inspections (督查): opened and recorded by the approving unit, read by every group taking part in them. */
@RestController
@RequestMapping("/api/inspections")
class InspectionController {

  static final String[] READERS = {Groups.APPROVER, Groups.DEPT_HEAD, Groups.STAFF, Groups.SUPERVISOR,
      Groups.UNIT_HEAD};

  public record SelectionRequest(LocalDate from, LocalDate to, Integer count) {
  }

  private final InspectionService service;
  private final InspectionRepository inspections;
  private final CurrentUser currentUser;
  private final InspectionStaff staff;
  private final InspectionCorrections corrections;
  private final CorrectionRepository correctionRecords;
  private final Jurisdiction jurisdiction;
  private final RegionViews regionViews;

  InspectionController(InspectionService service, InspectionRepository inspections,
      CurrentUser currentUser, InspectionStaff staff, InspectionCorrections corrections,
      CorrectionRepository correctionRecords, Jurisdiction jurisdiction, RegionViews regionViews) {
    this.service = service;
    this.inspections = inspections;
    this.currentUser = currentUser;
    this.staff = staff;
    this.corrections = corrections;
    this.correctionRecords = correctionRecords;
    this.jurisdiction = jurisdiction;
    this.regionViews = regionViews;
  }

  /** The grants that opened the inspected committee to other organizations (交叉检查、联合检查、委派第三方督查). */
  private List<RegionViews.GrantView> grants(Inspection inspection) {
    return regionViews.grants(jurisdiction.region().committee(inspection.committeeId()));
  }

  @PostMapping
  public InspectionView open(@RequestBody InspectionService.Request request) {
    String user = currentUser.requireAnyGroup(Groups.APPROVER);
    return described(service.open(request, null, user));
  }

  @GetMapping
  public List<InspectionView> list() {
    currentUser.requireAnyGroup(READERS);
    return inspections.list().stream().filter(staff::visible).map(this::described).toList();
  }

  @GetMapping("/{id}")
  public InspectionView get(@PathVariable long id) {
    currentUser.requireAnyGroup(READERS);
    return described(staff.readable(id));
  }

  /** The findings: 违反的规定, 责任单位或责任人, 整改要求, 整改期限（工作日）; replaced whole until confirmed. */
  @PostMapping("/{id}/findings")
  public Recorded findings(@PathVariable long id, HttpServletRequest request) {
    currentUser.requireAnyGroup(Groups.APPROVER);
    staff.inspectable(id);
    return new Recorded(service.recordFindings(id, UploadReader.read(request)));
  }

  /**
   * 复查 / 倒查 of a confirmed session: a correction recorded by the inspector, as a fact of the inspection (the
   * session's own data stay frozen), in force once the 主管部门负责人 signs it off.
   */
  @PostMapping("/{id}/corrections")
  @ResponseStatus(HttpStatus.CREATED)
  public ProposedCorrection correct(@PathVariable long id,
      @RequestBody InspectionCorrections.Proposal proposal) {
    String user = currentUser.requireAnyGroup(Groups.APPROVER);
    staff.inspectable(id);
    long correction = corrections.propose(id, proposal, user);
    return new ProposedCorrection(correction, correctionRecords.find(correction).orElseThrow().describe());
  }

  /** The correction recorded, awaiting the 主管部门负责人's sign-off, and what it changes in words. */
  public record ProposedCorrection(long id, String correction) {
  }

  public record SignOff(String note) {
  }

  @PostMapping("/{id}/corrections/{correctionId}/sign-off")
  public CorrectionRepository.Correction signOff(@PathVariable long id, @PathVariable long correctionId,
      @RequestBody(required = false) SignOff signOff) {
    String user = currentUser.requireAnyGroup(Groups.DEPT_HEAD);
    staff.readable(id);
    return corrections.signOff(id, correctionId, signOff == null ? null : signOff.note(), user);
  }

  /** 事后抽查: draws sessions of a period at random, records the seed, opens an inspection on each. */
  @PostMapping("/random-selection")
  public Selection select(@RequestBody SelectionRequest request) {
    String user = currentUser.requireAnyGroup(Groups.APPROVER);
    return service.selectAtRandom(request.from(), request.to(), request.count() == null ? 0 : request.count(), user);
  }

  @GetMapping("/random-selection/{id}")
  public Selection selection(@PathVariable long id) {
    String user = currentUser.requireAnyGroup(Groups.APPROVER, Groups.DEPT_HEAD);
    Selection selection = inspections.selection(id)
        .orElseThrow(() -> BusinessException.notFound("随机抽查 " + id + " 不存在"));
    // The pool names the sessions the drawing organization supervises: its own people and the offices above read it.
    Organization drawer = jurisdiction.organizationOf(selection.drawnBy()).orElse(null);
    Organization reader = jurisdiction.organizationOf(user).orElse(null);
    if (!currentUser.isIn(Groups.ADMIN) && (drawer == null || reader == null
        || !jurisdiction.region().within(drawer.id(), reader.id()))) {
      throw BusinessException.forbidden("随机抽查 " + id + " 由其他单位抽取，本账号不能查看");
    }
    return selection;
  }

  /** An inspection with its title, findings, corrections and the grants that opened its committee to others. */
  public record InspectionView(String title, Inspection inspection, List<InspectionRepository.Finding> findings,
      List<CorrectionRepository.Correction> corrections, List<RegionViews.GrantView> grants) {
  }

  private InspectionView described(Inspection inspection) {
    return new InspectionView(service.title(inspection), inspection, inspections.findings(inspection.id()),
        correctionRecords.ofInspection(inspection.id()), grants(inspection));
  }
}
