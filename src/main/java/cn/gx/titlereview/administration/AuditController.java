package cn.gx.titlereview.administration;

import cn.gx.titlereview.platform.audit.AuditTrail;
import cn.gx.titlereview.platform.document.Downloads;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail for the audit administrator (安全审计员) only: {@code GET /api/audit?session=&account=&kind=&from=&to=}
 * (dates yyyy-MM-dd, both days included), its export as .xlsx, and the chain check.
 */
@RestController
@RequestMapping("/api/audit")
class AuditController {

  private final AuditReading reading;

  AuditController(AuditReading reading) {
    this.reading = reading;
  }

  @GetMapping
  AuditReading.Lines find(@RequestParam(required = false) String session,
      @RequestParam(required = false) String account, @RequestParam(required = false) String kind,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    return reading.find(new AuditReading.Question(session, account, kind, from, to), AuditReading.SHOWN);
  }

  @GetMapping("/export")
  ResponseEntity<byte[]> export(@RequestParam(required = false) String session,
      @RequestParam(required = false) String account, @RequestParam(required = false) String kind,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    return Downloads.xlsx("审计记录", reading.export(new AuditReading.Question(session, account, kind, from, to)));
  }

  @GetMapping("/chain")
  AuditTrail.ChainCheck chain() {
    return reading.check();
  }
}
