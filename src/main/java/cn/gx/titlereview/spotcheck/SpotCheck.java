package cn.gx.titlereview.spotcheck;

import cn.gx.titlereview.platform.crypto.HashAlgorithm;
import java.time.Instant;
import java.util.List;

/**
 * One spot-check of a session's passed applicants by the approving unit: its commitment (pool and random bytes, by
 * their hashes, named: {@code sm3:…}, or a bare SHA-256 before hashes were named; fixed before the ratio is set), and once drawn the revealed random bytes and phrase, the seed they
 * make, and the sample in drawn order with a finding each.
 */
public record SpotCheck(int attempt, int ratioPercent, String seedHex, int poolSize, String drawnBy,
    Instant drawnAt, List<Item> items, Commitment commitment, String phrase) {

  public record Item(long applicantId, String applicantNo, String name, int sampleOrder, Boolean problem,
      String note, String recordedBy) {
  }

  /** What was fixed before the draw; {@code randomHex} is revealed only once the sample is drawn. */
  public record Commitment(int attempt, List<String> pool, String poolSha256, String randomHex, String randomSha256,
      Instant committedAt) {
  }

  /** The check's hash: its commitment's; SHA-256 for a check drawn before commitments. */
  public HashAlgorithm algorithm() {
    return commitment == null ? HashAlgorithm.SHA256 : HashAlgorithm.of(commitment.poolSha256());
  }

  public long problems() {
    return items.stream().filter(i -> Boolean.TRUE.equals(i.problem())).count();
  }

  public long recorded() {
    return items.stream().filter(i -> i.problem() != null).count();
  }

  /** The sample's applicant numbers in drawn order. */
  public List<String> sample() {
    return items.stream().map(Item::applicantNo).toList();
  }
}
