package cn.gx.titlereview.review;

import java.util.Set;

/**
 * The review groups were formed (or formed again): their members may now see whom they are to review and declare
 * their conflicts (回避申报). Published inside the transaction that stores the plan.
 */
public record ReviewGroupsFormed(long sessionId, Set<Long> memberIds) {
}
