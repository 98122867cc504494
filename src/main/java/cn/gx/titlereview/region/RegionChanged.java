package cn.gx.titlereview.region;

/**
 * The tree, the registry, an account's organization or a grant changed: caches drop their copy, and the engine's
 * groups and tenants follow ({@link EngineJurisdiction}).
 */
public record RegionChanged(String what) {
}
