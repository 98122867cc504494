/**
 * Gates: a stage's rules checked against its data before the session may advance. One delegate runs them all,
 * records each result and routes a failure to rectification.
 */
package cn.gx.titlereview.workflow.gate;
