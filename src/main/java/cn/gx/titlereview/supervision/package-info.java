/**
 * 监管视图: what the approving units and the 职改办 see of the sessions they supervise.
 */
package cn.gx.titlereview.supervision;
