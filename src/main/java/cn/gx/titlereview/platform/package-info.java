/**
 * The technical base: it knows nothing of sessions or stages. Time (the Asia/Shanghai clock and formats), bulk
 * inserts, retries on write conflicts, deployment of changed models only, and the names of the few process
 * variables every model carries.
 */
package cn.gx.titlereview.platform;
