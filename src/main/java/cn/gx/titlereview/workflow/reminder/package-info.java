/**
 * 催办: e-mail reminders of tasks due soon or overdue, to the people they are offered to.
 */
package cn.gx.titlereview.workflow.reminder;
