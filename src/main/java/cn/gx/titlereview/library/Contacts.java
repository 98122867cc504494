package cn.gx.titlereview.library;

import cn.gx.titlereview.platform.crypto.FieldCipher;
import org.springframework.stereotype.Component;

/**
 * Experts' contacts as the database holds them: encrypted (the key outside the database), with a masked form beside
 * them for every list and page (个人信息保护法: 138****1234). Only {@link #open} gives the whole number back, and only
 * the callers that must reach the expert use it: the notices, and the session staff's call list and contact page,
 * each of which writes its read to the audit trail.
 */
@Component
public class Contacts {

  /** A contact as stored: the sealed value and its masked form. */
  public record Sealed(String phone, String phoneMasked, String email, String emailMasked) {
  }

  private final FieldCipher cipher;

  public Contacts(FieldCipher cipher) {
    this.cipher = cipher;
  }

  public Sealed seal(String phone, String email) {
    return new Sealed(cipher.seal(phone), maskPhone(phone), cipher.seal(email), email == null ? null : maskEmail(email));
  }

  /** The whole value of a sealed field (a number to dial, an address to write to). */
  public String open(String sealed) {
    return cipher.open(sealed);
  }

  public static String maskPhone(String phone) {
    String digits = phone == null ? "" : phone.strip();
    return digits.length() < 7 ? "***" : digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
  }

  public static String maskEmail(String email) {
    int at = email == null ? -1 : email.indexOf('@');
    return at < 1 ? "***" : email.charAt(0) + "***" + email.substring(at);
  }
}
