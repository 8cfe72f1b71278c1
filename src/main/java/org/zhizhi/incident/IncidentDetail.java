package org.zhizhi.incident;

import java.util.List;

/**
 * An incident with its timeline (oldest step first), the parts of a tough whistle and its extension requests.
 */
public record IncidentDetail(IncidentView incident, List<TimelineEntry> timeline, List<IncidentPart> parts,
		List<ExtensionRequest> extensions) {

	public IncidentDetail(IncidentView incident, List<TimelineEntry> timeline) {
		this(incident, timeline, List.of(), List.of());
	}
}
