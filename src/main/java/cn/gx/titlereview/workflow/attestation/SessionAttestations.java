package cn.gx.titlereview.workflow.attestation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every attestation of a session, oldest first, read once for what needs several keys (the record). */
public record SessionAttestations(List<Attestation> all) {

  /** The attestations in force: the latest per key. */
  public Map<String, Attestation> current() {
    Map<String, Attestation> current = new LinkedHashMap<>();
    all.forEach(a -> current.put(a.key(), a));
    return current;
  }

  /** Every value ever attested for one key, oldest first. */
  public List<Attestation> history(String key) {
    return all.stream().filter(a -> a.key().equals(key)).toList();
  }
}
