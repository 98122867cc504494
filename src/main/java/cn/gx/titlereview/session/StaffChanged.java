package cn.gx.titlereview.session;

/**
 * A member joined ({@code joined}) or left a session's staff list. Published inside the change's transaction, so that
 * the stages can follow it (the pledges, {@code training}) or refuse it whole.
 */
public record StaffChanged(ReviewSession session, String userId, boolean joined) {
}
