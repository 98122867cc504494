package cn.gx.titlereview.platform.security;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;

/**
 * The password rules (等级保护: 口令复杂度), as the engine's password policy so that they hold at every door that sets
 * a password: Camunda Admin, {@code /engine-rest}, our pages. Admin shows the rules while a password is typed.
 */
final class PasswordRules implements PasswordPolicy {

  private final List<PasswordPolicyRule> rules;

  PasswordRules(int minLength) {
    rules = List.of(new Rule("PASSWORD_POLICY_LENGTH", Map.of("minLength", String.valueOf(minLength)),
            "密码至少 " + minLength + " 位") {
          @Override
          boolean holds(String password, User user) {
            return password.length() >= minLength;
          }
        },
        new Rule("PASSWORD_POLICY_CHARACTER_CLASSES", Map.of("minClasses", "3"),
            "密码须含大写字母、小写字母、数字、其他符号中的至少三类") {
          @Override
          boolean holds(String password, User user) {
            return classes(password) >= 3;
          }
        },
        new Rule("PASSWORD_POLICY_USER_DATA", Map.of(), "密码不得包含账号名") {
          @Override
          boolean holds(String password, User user) {
            return user == null || user.getId() == null || user.getId().isBlank()
                || !password.toLowerCase(Locale.ROOT).contains(user.getId().toLowerCase(Locale.ROOT));
          }
        });
  }

  @Override
  public List<PasswordPolicyRule> getRules() {
    return rules;
  }

  /** The first rule a password breaks for this account, in words for the person choosing it. */
  Optional<String> refusal(String password, User user) {
    return rules.stream().map(Rule.class::cast).filter(rule -> !rule.holds(password, user)).findFirst()
        .map(rule -> rule.words);
  }

  private static int classes(String password) {
    boolean upper = false, lower = false, digit = false, other = false;
    for (int i = 0; i < password.length(); i++) {
      char c = password.charAt(i);
      if (Character.isUpperCase(c)) {
        upper = true;
      } else if (Character.isLowerCase(c)) {
        lower = true;
      } else if (Character.isDigit(c)) {
        digit = true;
      } else {
        other = true;
      }
    }
    return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
  }

  private abstract static class Rule implements PasswordPolicyRule {

    private final String placeholder;
    private final Map<String, String> parameters;
    final String words;

    Rule(String placeholder, Map<String, String> parameters, String words) {
      this.placeholder = placeholder;
      this.parameters = parameters;
      this.words = words;
    }

    abstract boolean holds(String password, User user);

    @Override
    public String getPlaceholder() {
      return placeholder;
    }

    @Override
    public Map<String, String> getParameters() {
      return parameters;
    }

    @Override
    public boolean execute(String password) {
      return holds(password, null);
    }

    @Override
    public boolean execute(String password, User user) {
      return holds(password, user);
    }
  }
}
