package cn.gx.titlereview.draw;

import cn.gx.titlereview.library.AttendanceHistory;
import cn.gx.titlereview.draw.RosterRepository.PoolEntry;
import cn.gx.titlereview.draw.ReproducibleDraw.PoolFile;
import cn.gx.titlereview.platform.crypto.CryptoSettings;
import cn.gx.titlereview.platform.crypto.HashAlgorithm;
import cn.gx.titlereview.session.ReviewSession;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * 是否随机抽取, made checkable: the pool a draw uses can be exported (expert codes per specialty group), and anyone
 * holding it and the seed recomputes the pool's hash and the seeded order of every group, by the draw's hash
 * algorithm (the commitment's; the profile's before there is one).
 */
@Service
public class DrawVerification {

  public record Result(String poolHash, Map<String, List<String>> orders) {
  }

  private final DrawRepository draws;
  private final ExpertDrawService drawService;
  private final AttendanceHistory history;
  private final DrawCommitment commitments;
  private final CryptoSettings crypto;

  public DrawVerification(DrawRepository draws, ExpertDrawService drawService, AttendanceHistory history,
      DrawCommitment commitments, CryptoSettings crypto) {
    this.draws = draws;
    this.drawService = drawService;
    this.history = history;
    this.commitments = commitments;
    this.crypto = crypto;
  }

  /**
   * The session's pool: active experts' codes per needed specialty, sorted, less those masked for consecutive
   * attendance (as the draw recorded them once it ran, as the history says before).
   */
  public PoolFile pool(ReviewSession session) {
    Set<String> masked = draws.find(session.id()).isPresent()
        ? draws.exclusions(session.id()).stream().map(DrawRepository.Exclusion::expertCode).collect(Collectors.toSet())
        : history.consecutiveAttendees(session.committeeId(), session.reviewYear());
    Map<String, List<String>> groups = new TreeMap<>();
    for (String specialty : drawService.neededSpecialties(session.id())) {
      groups.put(specialty, drawService.eligiblePool(session, specialty, masked).stream().map(PoolEntry::expertCode)
          .sorted().toList());
    }
    HashAlgorithm algorithm = commitments.find(session.id()).map(DrawCommitment.Commitment::algorithm)
        .orElse(crypto.hash());
    return new PoolFile(session.code(), ReproducibleDraw.poolHash(groups, algorithm), groups);
  }

  /**
   * Recomputes a draw from a pool and a seed: the pool's hash and each group's order (members first), by the named
   * algorithm ({@code sm3}, {@code sha256}), the profile's if none is named.
   */
  public Result verify(Map<String, List<String>> groups, String seedHex, String algorithm) {
    HashAlgorithm hash = algorithm == null || algorithm.isBlank() ? crypto.hash() : HashAlgorithm.byId(algorithm);
    return new Result(ReproducibleDraw.poolHash(groups, hash), ReproducibleDraw.orders(groups, seedHex, hash));
  }
}
