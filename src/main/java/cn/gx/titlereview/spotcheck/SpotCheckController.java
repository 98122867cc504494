package cn.gx.titlereview.spotcheck;

import cn.gx.titlereview.platform.security.Groups;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionAccess;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The spot-checks of a session, revealed: for each drawn one its commitment, the random bytes and phrase, the seed,
 * the sample in drawn order with the findings, and the recomputation's problems (empty: it recomputes). A commitment
 * not drawn yet shows its hashes only. To recompute by hand: {@code POST /api/draw/verify} with
 * {@code {"seedHex": seed, "groups": {"抽查": pool}}}; the sample is the first {@code sampleSize} of the order.
 */
@RestController
class SpotCheckController {

  /** One spot-check as revealed; {@code randomHex} is null while the commitment is pending. */
  public record Revealed(int attempt, String state, Integer ratioPercent, List<String> pool, String poolSha256,
      String randomSha256, String randomHex, String phrase, String seedHex, Integer sampleSize, List<String> sample,
      List<SpotCheck.Item> findings, String committedAt, String drawnBy, String drawnAt, List<String> problems) {
  }

  private final SessionAccess access;
  private final SpotCheckRepository spotChecks;

  SpotCheckController(SessionAccess access, SpotCheckRepository spotChecks) {
    this.access = access;
    this.spotChecks = spotChecks;
  }

  @GetMapping("/api/sessions/{code}/spot-checks")
  public List<Revealed> spotChecks(@PathVariable String code) {
    ReviewSession session = access.forGroups(code, Groups.STAFF, Groups.SUPERVISOR, Groups.UNIT_HEAD,
        Groups.APPROVER);
    List<Revealed> revealed = new ArrayList<>();
    List<SpotCheck> drawn = spotChecks.all(session.id());
    for (SpotCheck check : drawn) {
      SpotCheck.Commitment c = check.commitment();
      revealed.add(new Revealed(check.attempt(), "已抽取", check.ratioPercent(), c == null ? null : c.pool(),
          c == null ? null : c.poolSha256(), c == null ? null : c.randomSha256(), c == null ? null : c.randomHex(),
          check.phrase(), check.seedHex(), check.items().size(), check.sample(), check.items(),
          c == null ? null : SpotCheckView.TIME.format(c.committedAt()), check.drawnBy(),
          SpotCheckView.TIME.format(check.drawnAt()), SpotCheckService.verify(check)));
    }
    spotChecks.commitment(session.id(), drawn.size() + 1).ifPresent(c -> revealed.add(new Revealed(c.attempt(),
        "已承诺，待抽取", null, c.pool(), c.poolSha256(), c.randomSha256(), null, null, null, null, null, null,
        SpotCheckView.TIME.format(c.committedAt()), null, null, List.of())));
    return revealed;
  }
}
