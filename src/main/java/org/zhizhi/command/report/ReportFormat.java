package org.zhizhi.command.report;

/** The files a monthly report is written as. */
public enum ReportFormat {

	PDF("application/pdf", "pdf"), XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

	private final String contentType;

	private final String extension;

	ReportFormat(String contentType, String extension) {
		this.contentType = contentType;
		this.extension = extension;
	}

	public String contentType() {
		return contentType;
	}

	public String extension() {
		return extension;
	}
}
