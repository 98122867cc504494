/**
 * 专家本人: the drawn experts act for themselves through one-time links — the draw notice (SMS, e-mail, or a call
 * list for staff who telephone), 出席确认, 回避申报 and 工作守则确认 (附件2) — with every attempt and answer in the
 * session's contact log (联系记录, 附件1 一、2 and 一、8); and what staff see of the replies.
 */
package cn.gx.titlereview.expert;
