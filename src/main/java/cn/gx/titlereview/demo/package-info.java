/**
 * The demo profile: demo users, demo data and the button that fills the open task's data, so that the tour of the
 * tour of docs/process.md works on an empty database.
 */
package cn.gx.titlereview.demo;
