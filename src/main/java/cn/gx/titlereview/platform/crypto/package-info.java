/**
 * The product's cryptography, named in every value it writes: SM3 and SM2 (国密, GB/T 32905, GB/T 32918) by default,
 * SHA-256 and Ed25519 under {@code titlereview.crypto.profile=intl}; the server's signing key behind one interface, so
 * that a hardware crypto device can replace the key file (docs/transparency.md).
 */
package cn.gx.titlereview.platform.crypto;
