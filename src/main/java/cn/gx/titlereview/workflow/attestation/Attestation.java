package cn.gx.titlereview.workflow.attestation;

import java.time.Instant;

/** What a person stated in a task, with who and when: the evidence for an attested item of the record. */
public record Attestation(String key, String value, String attestedBy, Instant attestedAt) {

  public boolean isYes() {
    return "yes".equals(value) || "true".equals(value);
  }
}
