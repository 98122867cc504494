package cn.gx.titlereview.expert;

/**
 * The MAC of a one-time link: a keyed digest over the link's facts. One small interface, so that a 国密 SM3-HMAC can
 * take the place of HMAC-SHA256 (each link keeps the name of the MAC it was signed with).
 */
interface LinkSigner {

  /** The MAC's name, as kept with each link it signs. */
  String algorithm();

  byte[] mac(byte[] message);
}
