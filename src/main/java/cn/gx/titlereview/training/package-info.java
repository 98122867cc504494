/**
 * 评前培训与签署: training, the staff pledge (附件3) and the experts' pledges (附件2), and the pledge
 * gate.
 */
package cn.gx.titlereview.training;
