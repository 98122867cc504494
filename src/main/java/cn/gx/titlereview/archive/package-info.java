/**
 * 归档: archived files, the signed archive package and its offline verification, and the archive gate
 * (监管方案 二（二）3).
 */
package cn.gx.titlereview.archive;
