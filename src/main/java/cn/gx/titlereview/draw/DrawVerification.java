package cn.gx.titlereview.draw;

import cn.gx.titlereview.draw.RosterRepository.PoolEntry;
import cn.gx.titlereview.session.ReviewSession;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.stereotype.Service;

/**
 * 是否随机抽取, made checkable: the pool a draw used can be exported (expert codes per specialty group), and anyone
 * holding it and the seed recomputes the pool's SHA-256 and the seeded order of every group.
 */
@Service
public class DrawVerification {

  public record Pool(String poolSha256, Map<String, List<String>> groups) {
  }

  public record Result(String poolSha256, Map<String, List<String>> orders) {
  }

  private final DrawRepository draws;
  private final ExpertDrawService drawService;

  public DrawVerification(DrawRepository draws, ExpertDrawService drawService) {
    this.draws = draws;
    this.drawService = drawService;
  }

  /** The pool of the session's groups: active experts' codes per specialty, sorted, less those the draw masked. */
  public Pool pool(ReviewSession session) {
    Set<String> masked = draws.exclusions(session.id()).stream().map(DrawRepository.Exclusion::expertCode)
        .collect(Collectors.toSet());
    Map<String, List<String>> groups = new TreeMap<>();
    for (String specialty : drawService.neededSpecialties(session.id())) {
      groups.put(specialty, drawService.eligiblePool(session, specialty, masked).stream().map(PoolEntry::expertCode)
          .sorted().toList());
    }
    return new Pool(hash(groups), groups);
  }

  /** Recomputes a draw from a pool and a seed: the pool's hash and each group's order (members first). */
  public Result verify(Map<String, List<String>> groups, String seedHex) {
    byte[] seed;
    try {
      seed = HexFormat.of().parseHex(seedHex == null ? "" : seedHex.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("随机种子 seedHex 应为十六进制字符串");
    }
    if (seed.length == 0) {
      throw new IllegalArgumentException("请提供随机种子 seedHex");
    }
    Map<String, List<String>> orders = new TreeMap<>();
    groups.forEach((specialty, codes) -> orders.put(specialty, SeededOrder.order(codes, Function.identity(), seed)));
    return new Result(hash(groups), orders);
  }

  private static String hash(Map<String, List<String>> groups) {
    List<String> all = new ArrayList<>();
    groups.values().forEach(all::addAll);
    return ExpertDrawService.poolHash(all);
  }
}
