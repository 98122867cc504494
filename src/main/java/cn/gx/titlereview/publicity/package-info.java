/**
 * 公示: the two publicity rounds counted in working days, their notices, complaints (信访件) and their
 * verification, and the publicity gate.
 */
package cn.gx.titlereview.publicity;
