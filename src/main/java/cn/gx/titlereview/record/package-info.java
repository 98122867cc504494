/**
 * 附件1: the record form built from the session's facts, its adjusted versions, signatures, the record and
 * signature gates, and submission to the approving unit.
 */
package cn.gx.titlereview.record;
