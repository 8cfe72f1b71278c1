package org.zhizhi.incident;

/** A report as it arrives, from any channel. */
public record ReportIncident(Channel channel, String categoryCode, String description, Double lat, Double lng) {
}
