/**
 * The product's workflow framework above session and below the stages: what a stage contributes (gates, archive
 * documents) and the deadlines of tasks.
 */
package cn.gx.titlereview.workflow;
