/**
 * 评审准备: applicants and their eligibility (监管方案 二（一）1), and the eligibility gate.
 */
package cn.gx.titlereview.preparation;
