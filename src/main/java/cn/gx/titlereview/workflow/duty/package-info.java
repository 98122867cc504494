/**
 * Separation of duties at the task: rules that refuse a claim or completion by someone who did an incompatible
 * step.
 */
package cn.gx.titlereview.workflow.duty;
