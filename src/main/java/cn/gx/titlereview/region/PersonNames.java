package cn.gx.titlereview.region;

import cn.gx.titlereview.platform.security.Groups;
import cn.gx.titlereview.platform.security.SystemAuthority;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * People as pages and documents show them: 「赵强（纪检监督员，南宁市某单位）」 — 姓名 with the role and the organization
 * the account holds now — and the account id only where an administrator needs it, or where the user has no name or
 * no longer exists. Accounts hold the surname (姓) in the engine's first name and the given name (名) in its last name,
 * so that the webapps, which print "first last", show 「李 明」, and our pages 「李明」. The data keeps account ids (they
 * never change, so a signature over the record never breaks when someone's name, role or unit changes); only what is
 * shown has names.
 */
@Component
public class PersonNames {

  /** The user-info key under which an administrator may keep a user's 职务 (IdentityService#setUserInfo). */
  public static final String JOB_TITLE = "title";

  /** A word that may be an account id: letters, digits, '_' and '-', not inside a longer word or a hash. */
  private static final Pattern WORD = Pattern.compile(
      "(?<![A-Za-z0-9_.@-])[A-Za-z][A-Za-z0-9_-]*(?![A-Za-z0-9_@]|\\.[A-Za-z0-9])");

  private final IdentityService identityService;
  private final RegionRepository accounts;
  private final Jurisdiction jurisdiction;
  private final SystemAuthority system;

  PersonNames(IdentityService identityService, RegionRepository accounts, Jurisdiction jurisdiction,
      SystemAuthority system) {
    this.identityService = identityService;
    this.accounts = accounts;
    this.jurisdiction = jurisdiction;
    this.system = system;
  }

  /** 「赵强」 for one account, or its id. */
  public String name(String userId) {
    return book(userId == null ? List.of() : List.of(userId)).name(userId);
  }

  /** 「赵强（纪检监督员，南宁市某单位）」 for one account: who did something, as pages say it. */
  public String label(String userId) {
    return book(userId == null ? List.of() : List.of(userId)).label(userId);
  }

  /** The people of every account id mentioned in {@code texts}, read at once. */
  public Book book(Stream<String> texts) {
    Set<String> words = new LinkedHashSet<>();
    texts.filter(t -> t != null).forEach(t -> {
      Matcher m = WORD.matcher(t);
      while (m.find()) {
        words.add(m.group());
      }
    });
    return book(words);
  }

  public Book book(Collection<String> userIds) {
    if (userIds.isEmpty()) {
      return new Book(Map.of());
    }
    // Who someone is does not depend on who asks: a staff member's page names the supervisor as the auditor's does.
    return system.call(() -> {
      Region region = jurisdiction.region();
      Map<String, Long> organizations = accounts.organizationsOf(userIds);
      Map<String, Person> people = new HashMap<>();
      for (User user : identityService.createUserQuery().userIdIn(userIds.toArray(String[]::new)).list()) {
        String name = (nullToEmpty(user.getFirstName()) + nullToEmpty(user.getLastName())).trim();
        Set<String> held = identityService.createGroupQuery().groupMember(user.getId()).list().stream()
            .map(Group::getId).collect(Collectors.toSet());
        List<String> roles = Groups.NAMES.keySet().stream().filter(held::contains).map(Groups::name).toList();
        String organization = organizations.containsKey(user.getId())
            ? region.organization(organizations.get(user.getId())).name() : null;
        people.put(user.getId(), new Person(user.getId(), name.isEmpty() ? user.getId() : name,
            identityService.getUserInfo(user.getId(), JOB_TITLE), roles, organization));
      }
      return new Book(Map.copyOf(people));
    });
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  /** One user: 姓名, 职务 where recorded, the roles and the organization the account holds now. */
  public record Person(String id, String name, String jobTitle, List<String> roles, String organization) {

    /** 「纪检监督员，南宁市某单位」, or what of it is known; empty when neither is. */
    String post() {
      return Stream.of(roles.isEmpty() ? null : String.join("、", roles), organization).filter(s -> s != null)
          .collect(Collectors.joining("，"));
    }
  }

  /** The people of one document. */
  public record Book(Map<String, Person> people) {

    /** 姓名, or the id itself for an unknown account. */
    public String name(String userId) {
      Person p = userId == null ? null : people.get(userId);
      return p == null ? userId : p.name();
    }

    /** 「赵强（纪检监督员，南宁市某单位）」; the id alone for an unknown account. */
    public String label(String userId) {
      Person p = userId == null ? null : people.get(userId);
      if (p == null) {
        return userId;
      }
      String post = p.post();
      return post.isEmpty() ? p.name() : p.name() + "（" + post + "）";
    }

    /** 「赵强（纪检监督员，南宁市某单位；账号 supervisor1）」: the label with the account, for administrators. */
    public String labelWithAccount(String userId) {
      Person p = userId == null ? null : people.get(userId);
      if (p == null) {
        return userId;
      }
      String post = p.post();
      return p.name() + "（" + (post.isEmpty() ? "" : post + "；") + "账号 " + userId + "）";
    }

    /** 职务, or null where none is recorded. */
    public String jobTitle(String userId) {
      Person p = userId == null ? null : people.get(userId);
      return p == null ? null : p.jobTitle();
    }

    /** The text with every known account id replaced by its label. */
    public String text(String text) {
      return replaceAccounts(text, people, this::label);
    }

    /**
     * One document read in order: each person is labelled where first mentioned and named alone after, as an
     * official document writes a name in full once (首次出现写全称).
     */
    public Mentions mentions() {
      return new Mentions(this);
    }
  }

  /** The people a document has already introduced, while it is written from top to bottom. */
  public static final class Mentions {

    private final Book book;
    private final Set<String> introduced = new HashSet<>();

    private Mentions(Book book) {
      this.book = book;
    }

    /** The person's label the first time, 姓名 after. */
    public String person(String userId) {
      return userId != null && book.people().containsKey(userId) && introduced.add(userId) ? book.label(userId)
          : book.name(userId);
    }

    /** The text with every known account id replaced as {@link #person} says. */
    public String text(String text) {
      return replaceAccounts(text, book.people(), this::person);
    }
  }

  /** {@code text} with each id of {@code people} in it replaced by what {@code shown} makes of it, in order. */
  private static String replaceAccounts(String text, Map<String, Person> people, UnaryOperator<String> shown) {
    if (text == null || people.isEmpty()) {
      return text;
    }
    return WORD.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
        people.containsKey(m.group()) ? shown.apply(m.group()) : m.group()));
  }
}
