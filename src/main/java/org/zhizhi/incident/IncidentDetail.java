package org.zhizhi.incident;

import java.util.List;

/** An incident with its timeline, oldest step first. */
public record IncidentDetail(Incident incident, List<TimelineEntry> timeline) {
}
