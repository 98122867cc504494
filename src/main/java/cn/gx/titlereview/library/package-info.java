/**
 * 评委库: each committee's expert library, kept across sessions and years and changed only by versions (an import
 * confirmed after its preview, or one change), the frozen snapshot a session draws from, and the experts' contacts,
 * encrypted at rest and masked wherever they are shown (docs/library.md).
 */
package cn.gx.titlereview.library;
