/**
 * The working-day calendar of the State Council's yearly holiday notices: publicity periods and deadlines count
 * working days. Stage-neutral domain code.
 */
package cn.gx.titlereview.calendar;
