package cn.gx.titlereview.expert;

import cn.gx.titlereview.draw.RosterRepository;

/**
 * One notice to one expert: his own link and nothing of anyone else — no other expert, no applicant.
 *
 * @param reference an id for the gateway's records, unrelated to the link
 */
record Notice(RosterRepository.Contact to, String subject, String text, String url, String reference) {
}
