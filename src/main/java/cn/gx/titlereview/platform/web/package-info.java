/**
 * HTTP for every door: errors as Chinese JSON or pages, the engine's refusals translated, request body limits,
 * unsafe text refused, and the OpenAPI document.
 */
package cn.gx.titlereview.platform.web;
