/**
 * 职称评审监督: one Camunda 7 application that runs the region's professional-title review sessions so that
 * every rule of 《广西壮族自治区职称评审监督管理方案》（桂职办〔2022〕65号） is a gate
 * in a BPMN model, and fills in the record form (附件1) from what happened. One package per stage on a small
 * technical base; dependencies point down.
 */
package cn.gx.titlereview;
