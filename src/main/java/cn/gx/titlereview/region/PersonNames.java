package cn.gx.titlereview.region;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * People as pages and documents show them: 姓名, and the account id where the user has no name or no longer exists.
 * Accounts hold the surname (姓) in the engine's first name and the given name (名) in its last name, so that the
 * webapps, which print "first last", show 「李 明」, and our pages 「李明」. The data keeps account ids (they never
 * change, so a signature over the record never breaks when someone's name is corrected); only what is shown has names.
 */
@Component
public class PersonNames {

  /** The user-info key under which an administrator may keep a user's 职务 (IdentityService#setUserInfo). */
  public static final String JOB_TITLE = "title";

  /** A word that may be an account id: letters, digits, '_' and '-', not inside a longer word or a hash. */
  private static final Pattern WORD = Pattern.compile("(?<![A-Za-z0-9_.@-])[A-Za-z][A-Za-z0-9_-]*(?![A-Za-z0-9_@])");

  private final IdentityService identityService;

  public PersonNames(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** 「李明」 for one account, or its id. */
  public String name(String userId) {
    return book(userId == null ? List.of() : List.of(userId)).name(userId);
  }

  /** 「李明（staff1）」 for one account: the name with the account, for evidence lines. */
  public String nameWithAccount(String userId) {
    return book(userId == null ? List.of() : List.of(userId)).labelled(userId);
  }

  /** The names of every account id mentioned in {@code texts}, read with one query. */
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
    Map<String, Person> people = new HashMap<>();
    if (!userIds.isEmpty()) {
      for (User user : identityService.createUserQuery().userIdIn(userIds.toArray(String[]::new)).list()) {
        String name = (nullToEmpty(user.getFirstName()) + nullToEmpty(user.getLastName())).trim();
        people.put(user.getId(), new Person(user.getId(), name.isEmpty() ? user.getId() : name,
            identityService.getUserInfo(user.getId(), JOB_TITLE)));
      }
    }
    return new Book(Map.copyOf(people));
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  /** One user: 姓名 and, where recorded, 职务. */
  public record Person(String id, String name, String jobTitle) {
  }

  /** The people of one document. */
  public record Book(Map<String, Person> people) {

    /** 姓名, or the id itself for an unknown account. */
    public String name(String userId) {
      Person p = userId == null ? null : people.get(userId);
      return p == null ? userId : p.name();
    }

    /** 「姓名（账号）」, or the id alone for an unknown account or one without a name. */
    public String labelled(String userId) {
      String name = name(userId);
      return name == null || name.equals(userId) ? userId : name + "（" + userId + "）";
    }

    /** 职务, or null where none is recorded. */
    public String jobTitle(String userId) {
      Person p = userId == null ? null : people.get(userId);
      return p == null ? null : p.jobTitle();
    }

    /** The text with every known account id replaced by 「姓名（账号）」. */
    public String text(String text) {
      if (text == null || people.isEmpty()) {
        return text;
      }
      return WORD.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
          people.containsKey(m.group()) ? labelled(m.group()) : m.group()));
    }

    public List<String> names(List<String> userIds) {
      return userIds.stream().map(this::labelled).toList();
    }
  }
}
