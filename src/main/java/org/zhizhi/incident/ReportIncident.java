package org.zhizhi.incident;

/**
 * A report as it arrives, from any channel. {@code anonymous} (resident reports only; absent means no) hides the
 * reporter from everyone but himself.
 */
public record ReportIncident(Channel channel, String categoryCode, String description, Double lat, Double lng,
		Boolean anonymous) {

	public ReportIncident(Channel channel, String categoryCode, String description, Double lat, Double lng) {
		this(channel, categoryCode, description, lat, lng, null);
	}
}
