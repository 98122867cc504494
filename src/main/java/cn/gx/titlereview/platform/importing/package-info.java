/**
 * All-or-nothing imports of JSON or .xlsx: columns, limits, uploads, and rejections that name each row and column.
 */
package cn.gx.titlereview.platform.importing;
