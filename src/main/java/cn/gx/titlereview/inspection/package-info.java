/**
 * 督查: inspections by the departments in charge, findings and their rectification, random after-the-fact
 * checks and complaint clues (监管方案 三（二）).
 */
package cn.gx.titlereview.inspection;
