package cn.gx.titlereview.expert;

import cn.gx.titlereview.draw.RosterRepository;
import cn.gx.titlereview.library.Contacts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** E-mail notices through Spring Mail ({@code spring.mail.*}), to experts whose roster row has an address. */
@Component
class MailNotices implements NoticeChannel {

  private final ObjectProvider<JavaMailSender> mail;
  private final String from;

  MailNotices(ObjectProvider<JavaMailSender> mail, ExpertSettings settings) {
    this.mail = mail;
    this.from = settings.mailFrom();
  }

  @Override
  public ContactLog.Channel channel() {
    return ContactLog.Channel.EMAIL;
  }

  @Override
  public boolean reaches(RosterRepository.Contact contact) {
    return mail.getIfAvailable() != null && contact.email() != null && !contact.email().isBlank();
  }

  @Override
  public String address(RosterRepository.Contact contact) {
    return "邮箱 " + Contacts.maskEmail(contact.email());
  }

  @Override
  public void send(Notice notice) throws DeliveryFailed {
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(from);
    message.setTo(notice.to().email().strip());
    message.setSubject(notice.subject());
    message.setText(notice.text() + "\n\n此邮件由职称评审监督系统自动发送，请勿回复。\n");
    try {
      mail.getObject().send(message);
    } catch (MailException e) {
      throw new DeliveryFailed("邮件服务器未受理（" + e.getClass().getSimpleName() + "）", e);
    }
  }
}
