package cn.gx.titlereview.workflow;

import java.util.Map;
import java.util.Set;

/**
 * The answers of the record form (附件1) that a stage computes from its own data, by fact key (see
 * record-form-default.json), each with its evidence. The record assembles every contribution, so that it needs to
 * know no stage, as the archive needs none to collect documents.
 *
 * <p>A key {@code beside.<key>} adds what the system recorded after the answer of that key, attested or computed
 * by another stage: the record shows it after a 「；」.
 */
public interface RecordContribution {

  String BESIDE = "beside.";

  /** The keys this stage answers, and only it; the record refuses to start when two stages claim one. */
  Set<String> keys();

  /** This stage's answers, by keys among {@link #keys()}: a key may be left out where there is nothing to add. */
  Map<String, Answer> facts(SessionReading reading);
}
