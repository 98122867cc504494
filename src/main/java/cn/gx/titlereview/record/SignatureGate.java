package cn.gx.titlereview.record;

import cn.gx.titlereview.archive.ArchiveRepository;
import cn.gx.titlereview.platform.PlatformConfig;
import cn.gx.titlereview.publicity.ComplaintService;
import cn.gx.titlereview.record.SignatureRepository.Signature;
import cn.gx.titlereview.review.ReviewTimes;
import cn.gx.titlereview.workflow.gate.Gate;
import cn.gx.titlereview.workflow.gate.GateContext;
import cn.gx.titlereview.workflow.gate.Violation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Before the session ends confirmed: both signatures still match the record, were given after the review ended and
 * after the last archive file was uploaded (a signature vouches for a finished record), and no complaint awaits
 * verification. A fact changed after signing (a late complaint, an amendment) sends the record back to be signed
 * again.
 */
@Component
public class SignatureGate implements Gate {

  static final String SIGNED_AFTER = "签字晚于评审和归档";

  private final RecordService records;
  private final SignatureRepository signatures;
  private final ComplaintService complaints;
  private final ArchiveRepository archive;
  private final ReviewTimes reviewTimes;

  public SignatureGate(RecordService records, SignatureRepository signatures, ComplaintService complaints,
      ArchiveRepository archive, ReviewTimes reviewTimes) {
    this.records = records;
    this.signatures = signatures;
    this.complaints = complaints;
    this.archive = archive;
    this.reviewTimes = reviewTimes;
  }

  @Override
  public String key() {
    return "signatures";
  }

  @Override
  public String name() {
    return "合规检查：签字有效性";
  }

  @Override
  public String ruleVersion() {
    return "桂职办〔2022〕65号 四（一） / v2（签字时间、信访件）";
  }

  @Override
  public List<Violation> check(GateContext context) {
    RecordService.Content current = records.current(context.session());
    Map<String, Signature> latest = new LinkedHashMap<>();
    signatures.list(context.session().id()).forEach(s -> latest.put(s.role(), s));
    List<Violation> violations = new ArrayList<>();
    Optional<Instant> archived = archive.files(context.session().id()).stream().map(ArchiveRepository.ArchiveFile::uploadedAt)
        .max(Instant::compareTo);
    Optional<Instant> reviewEnded = reviewTimes.reviewEnded(context.session().id());
    RecordService.SIGNATURE_TITLES.forEach((role, title) -> {
      Signature signature = latest.get(role);
      if (signature == null) {
        violations.add(new Violation("负责人和监督员审核确认", title, "尚未签字"));
      } else if (!current.signedBy(signature.recordSha256())) {
        violations.add(new Violation("负责人和监督员审核确认", title + "（" + signature.signedBy() + "）",
            "签字后记录已变更，须重新签字"));
      }
      if (signature != null) {
        String signer = title + "（" + signature.signedBy() + "）";
        archived.filter(signature.signedAt()::isBefore).ifPresent(at -> violations.add(new Violation(SIGNED_AFTER,
            signer, "签字时间 " + PlatformConfig.MINUTES.format(signature.signedAt()) + " 早于最后一份归档材料的上传时间 "
                + PlatformConfig.MINUTES.format(at) + "，须在归档后重新签字")));
        reviewEnded.filter(signature.signedAt()::isBefore).ifPresent(at -> violations.add(new Violation(SIGNED_AFTER,
            signer, "签字时间 " + PlatformConfig.MINUTES.format(signature.signedAt()) + " 早于评审结束时间 "
                + PlatformConfig.MINUTES.format(at))));
      }
    });
    violations.addAll(complaints.unverified(context.session().id()));
    return violations;
  }
}
