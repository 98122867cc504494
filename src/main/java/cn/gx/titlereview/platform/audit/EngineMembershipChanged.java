package cn.gx.titlereview.platform.audit;

/**
 * Someone changed an account's group memberships at the engine's own doors (Camunda Admin, {@code /engine-rest}),
 * as the engine's user operation log recorded it: published in the engine's transaction, so that what is derived
 * from the account's groups follows once it commits.
 */
public record EngineMembershipChanged(String userId) {
}
