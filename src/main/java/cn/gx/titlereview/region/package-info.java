/**
 * The region as the unit: organizations, committees, accounts and who supervises whom (监管方案
 * 三（二）：谁批准组建，谁负责监管), and the plan's rules the region may tune ({@link ReviewRules}). People are shown by
 * name here.
 */
package cn.gx.titlereview.region;
