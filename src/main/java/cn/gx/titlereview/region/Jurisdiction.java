package cn.gx.titlereview.region;

import cn.gx.titlereview.platform.security.SystemAuthority;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.core.annotation.Order;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.stereotype.Component;

/**
 * Who stands where in the region: an account's organization, and that organization's standing towards a committee
 * (监管方案 三（二）谁批准组建，谁负责监管). The tree is read whole and kept for a few seconds; a change made on this node
 * drops the copy at once, one made on another node is seen within {@link #FRESHNESS}.
 */
@Component
public class Jurisdiction {

  static final Duration FRESHNESS = Duration.ofSeconds(10);

  private final RegionRepository repository;
  private final IdentityService identityService;
  private final SystemAuthority system;
  private final Clock clock;
  private final LoadingCache<Boolean, Region> region;

  Jurisdiction(RegionRepository repository, IdentityService identityService, SystemAuthority system, Clock clock) {
    this.repository = repository;
    this.identityService = identityService;
    this.system = system;
    this.clock = clock;
    this.region = Caffeine.newBuilder().expireAfterWrite(FRESHNESS).build(key -> load());
  }

  public Region region() {
    return region.get(Boolean.TRUE);
  }

  public LocalDate today() {
    return LocalDate.now(clock);
  }

  public Optional<Organization> organizationOf(String userId) {
    return userId == null ? Optional.empty()
        : repository.organizationOf(userId).map(id -> region().organization(id));
  }

  /** What the user's organization is to the committee today; empty for an account of no organization. */
  public Set<Capacity> capacities(String userId, Committee committee) {
    return organizationOf(userId).map(o -> region().capacities(o.id(), committee, today())).orElse(Set.of());
  }

  /** The committees towards which the user's organization has one of the standings today. */
  public Set<Long> committeesWith(String userId, Set<Capacity> standings) {
    Organization organization = organizationOf(userId).orElse(null);
    if (organization == null) {
      return Set.of();
    }
    Region region = region();
    LocalDate today = today();
    return region.committees().stream()
        .filter(c -> region.capacities(organization.id(), c, today).stream().anyMatch(standings::contains))
        .map(Committee::id).collect(Collectors.toSet());
  }

  /** The committees the user's organization has a standing towards today. */
  public List<Committee> committeesOf(String userId) {
    return organizationOf(userId).map(o -> region().committeesOf(o.id(), today())).orElse(List.of());
  }

  /** The accounts of one organization. */
  public List<String> members(Organization organization) {
    return repository.members(organization.id());
  }

  /** Whether anyone in the organization holds the role there. */
  public boolean hasRole(Organization organization, String role) {
    String group = EngineJurisdiction.roleGroup(role, organization);
    return system.call(() -> identityService.createUserQuery().memberOfGroup(group).count()) > 0;
  }

  /** After the change is committed, so that no other thread caches the tree as it was; before the engine follows. */
  @TransactionalEventListener(fallbackExecution = true)
  @Order(0)
  void changed(RegionChanged change) {
    region.invalidateAll();
  }

  private Region load() {
    return new Region(repository.organizations(), repository.committees(),
        repository.grantsEndingOnOrAfter(today().minusDays(1)));
  }
}
