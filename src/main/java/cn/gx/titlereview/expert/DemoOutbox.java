package cn.gx.titlereview.expert;

import cn.gx.titlereview.draw.RosterRepository;
import org.springframework.stereotype.Component;

/**
 * The demo's stand-in for an SMS gateway ({@code titlereview.experts.outbox}, on in the demo profile): nothing leaves
 * the server; the contact log keeps each message's text, link included, so that a tour can follow a link. Never on
 * where a gateway is configured.
 */
@Component
class DemoOutbox implements NoticeChannel {

  private final boolean on;

  DemoOutbox(ExpertSettings settings) {
    this.on = settings.outbox() && !settings.sms().configured();
  }

  @Override
  public ContactLog.Channel channel() {
    return ContactLog.Channel.OUTBOX;
  }

  @Override
  public boolean reaches(RosterRepository.Contact contact) {
    return on;
  }

  @Override
  public String address(RosterRepository.Contact contact) {
    return "演示发件箱（未实际发送）";
  }

  @Override
  public void send(Notice notice) {
    // Kept in the contact log by the sender (keepsText).
  }

  @Override
  public boolean keepsText() {
    return true;
  }
}
