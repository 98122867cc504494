/**
 * 数据工作台: the session's data sections by stage, templates, the upload journal, the data state a task's
 * form shows, and 已办事项.
 */
package cn.gx.titlereview.workspace;
