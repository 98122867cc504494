/**
 * The region's transparency log (RFC 9162 style, SM3): an append-only Merkle tree of every sealed fact, signed
 * checkpoints written as files to publish, inclusion and consistency proofs, and the offline {@code log-verify}, so
 * that a supervisor holding an old checkpoint proves without the server that no sealed fact changed since.
 */
package cn.gx.titlereview.transparency;
