package cn.gx.titlereview.record;

import cn.gx.titlereview.platform.gate.Gate;
import cn.gx.titlereview.platform.gate.GateContext;
import cn.gx.titlereview.platform.gate.Violation;
import cn.gx.titlereview.record.SignatureRepository.Signature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Before the session ends confirmed: both signatures still match the record. A fact changed after signing (a late
 * complaint, an amendment) sends the record back to be signed again.
 */
@Component
public class SignatureGate implements Gate {

  private final RecordService records;
  private final SignatureRepository signatures;

  public SignatureGate(RecordService records, SignatureRepository signatures) {
    this.records = records;
    this.signatures = signatures;
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
    return "桂职办〔2022〕65号 四（一） / v1";
  }

  @Override
  public List<Violation> check(GateContext context) {
    String current = records.sha256(context.session());
    Map<String, Signature> latest = new LinkedHashMap<>();
    signatures.list(context.session().id()).forEach(s -> latest.put(s.role(), s));
    List<Violation> violations = new ArrayList<>();
    RecordService.SIGNATURE_TITLES.forEach((role, title) -> {
      Signature signature = latest.get(role);
      if (signature == null) {
        violations.add(new Violation("负责人和监督员审核确认", title, "尚未签字"));
      } else if (!signature.recordSha256().equals(current)) {
        violations.add(new Violation("负责人和监督员审核确认", title + "（" + signature.signedBy() + "）",
            "签字后记录已变更，须重新签字"));
      }
    });
    return violations;
  }
}
