/**
 * 抽查复核: the approving unit's committed random spot-check of results before it confirms them (监管方案
 * 三（二）).
 */
package cn.gx.titlereview.spotcheck;
