/**
 * The three administrators' own doors (三员分立, docs/audit.md): the audit administrator reads, checks and exports the
 * audit trail here; the system and security administrators' work stays in the engine's webapps and the region's pages.
 */
package cn.gx.titlereview.administration;
