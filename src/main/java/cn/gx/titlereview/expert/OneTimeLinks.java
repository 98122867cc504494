package cn.gx.titlereview.expert;

import cn.gx.titlereview.platform.PlatformConfig;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionRepository;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * One-time links: a random id and a MAC over the link's facts (id, session, expert, purpose), 44 characters in all,
 * so that the link is bound to one expert, one session and one purpose, and neither guessed nor edited into another.
 * Only the facts are kept; the MAC is computed again to check a link and to send it again. A link works until the
 * session's links expire (set per session; by default the planned review start), is spent by its final answer, and
 * may be revoked by staff.
 */
@Component
class OneTimeLinks {

  static final int ID_BYTES = 16;
  static final int MAC_BYTES = 16;
  /** Base64url without padding of 16 bytes. */
  static final int PART = 22;
  static final int TOKEN_LENGTH = 2 * PART;

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  private final ExpertLinkRepository links;
  private final SessionRepository sessions;
  private final Map<String, LinkSigner> signers;
  private final LinkSigner current;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  OneTimeLinks(ExpertLinkRepository links, SessionRepository sessions, List<LinkSigner> signers, Clock clock) {
    this.links = links;
    this.sessions = sessions;
    this.signers = signers.stream().collect(Collectors.toMap(LinkSigner::algorithm, Function.identity()));
    this.current = signers.get(0);
    this.clock = clock;
  }

  /** A new link for the expert and purpose, signed with the current MAC. */
  ExpertLink issue(long sessionId, long expertId, LinkPurpose purpose) {
    byte[] id = new byte[ID_BYTES];
    random.nextBytes(id);
    ExpertLink link = new ExpertLink(ENCODER.encodeToString(id), sessionId, expertId, purpose, current.algorithm(),
        clock.instant(), null, null, null, null, null);
    links.insert(link);
    return link;
  }

  /** What the expert receives: the id and the MAC over the link's facts. */
  String token(ExpertLink link) {
    return link.id() + ENCODER.encodeToString(mac(link));
  }

  /**
   * The link a token names, if it is whole and unaltered and may still be answered; otherwise the refusal, naming the
   * link where the id is a real one.
   */
  ExpertLink check(String token, ReviewSession session) {
    ExpertLink link = known(token).orElseThrow(() -> LinkRefusal.invalid(null));
    // The text is compared, not the decoded bytes: the last character's spare bits would let two spellings pass.
    if (!MessageDigest.isEqual(token(link).getBytes(StandardCharsets.US_ASCII),
        token.getBytes(StandardCharsets.US_ASCII))) {
      throw LinkRefusal.invalid(link);
    }
    if (link.used()) {
      throw LinkRefusal.used(link);
    }
    if (link.revoked()) {
      throw LinkRefusal.revoked(link);
    }
    Instant expires = expiresAt(session);
    if (!clock.instant().isBefore(expires)) {
      throw LinkRefusal.expired(link, expires);
    }
    // A session closed early (not confirmed) takes no answers either: its facts are frozen.
    Optional<SessionRepository.Closure> closed = sessions.closure(session.id());
    if (closed.isPresent()) {
      throw LinkRefusal.expired(link, closed.get().closedAt());
    }
    return link;
  }

  /** The link whose id the token starts with, for any well-formed token (its MAC not yet checked). */
  Optional<ExpertLink> known(String token) {
    if (token == null || token.length() != TOKEN_LENGTH || !token.chars().allMatch(OneTimeLinks::base64url)) {
      return Optional.empty();
    }
    return links.find(token.substring(0, PART));
  }

  /** Until when the session's links work: the staff's setting, or the planned review start (00:00). */
  Instant expiresAt(ReviewSession session) {
    return links.expiry(session.id())
        .orElseGet(() -> session.plannedReviewStart().atStartOfDay(PlatformConfig.ZONE).toInstant());
  }

  private byte[] mac(ExpertLink link) {
    LinkSigner signer = signers.get(link.signedWith());
    if (signer == null) {
      throw new IllegalStateException("No signer for links signed with " + link.signedWith());
    }
    String facts = "expert-link/v1|" + link.id() + "|" + link.sessionId() + "|" + link.expertId() + "|"
        + link.purpose().name();
    return Arrays.copyOf(signer.mac(facts.getBytes(StandardCharsets.UTF_8)), MAC_BYTES);
  }

  private static boolean base64url(int c) {
    return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_';
  }
}
