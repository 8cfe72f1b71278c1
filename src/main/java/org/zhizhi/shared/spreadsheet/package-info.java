/** The platform's .xlsx downloads: one way to write a header, rows and the attachment, for every module. */
@org.springframework.modulith.NamedInterface("spreadsheet")
package org.zhizhi.shared.spreadsheet;
