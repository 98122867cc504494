/**
 * The audit trail (安全审计): one append-only table of who read or changed what, when and from where. Stages record
 * confidential reads and exports here; the audit administrator reads it.
 */
package cn.gx.titlereview.platform.audit;
