/**
 * What operators watch: health, metrics, the log context of each request, and history retention.
 */
package cn.gx.titlereview.platform.operations;
