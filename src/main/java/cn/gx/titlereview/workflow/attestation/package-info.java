/**
 * Attestations: what a person confirmed by completing a task, kept with who and when, for the record form.
 */
package cn.gx.titlereview.workflow.attestation;
