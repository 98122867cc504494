/**
 * 结果复核: the dual recheck of results, its findings and dispositions, and the recheck gate.
 */
package cn.gx.titlereview.recheck;
