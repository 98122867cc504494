/**
 * 封闭评审: review groups and readers, recusal, discipline, attendance, votes and their rule, review times,
 * and the review gate (监管方案 二（一）4、二（三）).
 */
package cn.gx.titlereview.review;
