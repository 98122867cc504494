/**
 * 专家抽取: the roster, the committed and reproducible draw online or offline, the experts' responses and
 * reserves, the draw window, and the roster and draw gates (附件1 一).
 */
package cn.gx.titlereview.draw;
