/**
 * A review session (评审会): its registration from the start form, its staff list and changes, who may read or
 * change it, and its Tasklist filter. Every stage stands on this package.
 */
package cn.gx.titlereview.session;
