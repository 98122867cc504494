/**
 * Official documents (GB/T 9704 .docx and PDF) and workbooks, and how pages offer them for download.
 */
package cn.gx.titlereview.platform.document;
