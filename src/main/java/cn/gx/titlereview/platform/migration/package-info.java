/**
 * Moving running process instances to a new version of their model.
 */
package cn.gx.titlereview.platform.migration;
