/**
 * Who is asking: Spring Security for pages, /api and /engine-rest, the login page and its throttle, single sign-on
 * through the province's identity provider, verified credentials, the engine's task rights, the product's groups and
 * what each may open in the webapps.
 */
package cn.gx.titlereview.platform.security;
