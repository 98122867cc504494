package cn.gx.titlereview.platform.operations;

import java.util.function.LongSupplier;

/**
 * A figure of the work in hand, counted in the database and so the same on every node (in PromQL take {@code max},
 * not {@code sum}, over the nodes). Each is a gauge, refreshed by {@link WorkloadGauges}; a stage adds its own as a
 * bean.
 */
public record Workload(String metric, String description, LongSupplier count) {
}
