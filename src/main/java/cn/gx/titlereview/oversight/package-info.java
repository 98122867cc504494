/**
 * 监管统计: committees across years for those who supervise them — a read model of each session's record figures,
 * past years imported, pass rates against peers and the committee's own history (funnel plot), a committee's file,
 * and the annual supervision report. It reads the stages (record, inspection) and stands above them.
 */
package cn.gx.titlereview.oversight;
