package cn.gx.titlereview.expert;

import cn.gx.titlereview.draw.RosterRepository;

/**
 * A way to deliver the experts' notices: an SMS gateway, e-mail, or (in the demo) an outbox. A channel that is not
 * configured, or has no address for the expert, does not reach him; an expert no channel reaches goes on the staff's
 * call list (电话通知单).
 */
interface NoticeChannel {

  ContactLog.Channel channel();

  /** Configured, and with an address for this expert. */
  boolean reaches(RosterRepository.Contact contact);

  /** Where the notice went, masked for the contact log (手机 138****0000). */
  String address(RosterRepository.Contact contact);

  /** Delivers the notice or throws with the reason, in words the contact log can keep. */
  void send(Notice notice) throws DeliveryFailed;

  /** Whether the contact log keeps the message's text, link included: only the demo outbox. */
  default boolean keepsText() {
    return false;
  }

  /** A delivery the channel could not make. */
  class DeliveryFailed extends Exception {

    DeliveryFailed(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
