package org.zhizhi.citylink;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.zhizhi.incident.IncidentEvent;
import org.zhizhi.incident.IncidentQueries;
import org.zhizhi.incident.IncidentView;
import org.zhizhi.territory.Installation;

/**
 * Every incident step becomes one feed event. An {@link ApplicationModuleListener}: after the step's commit, on its
 * own thread and transaction, kept by the event publication registry until it has succeeded — so a failure here
 * never undoes a step, and a step is heard again after a crash. The event's id is made from the step (incident,
 * action, state after, instant), so hearing it twice writes it once. The body carries the step as it was (from, to,
 * action, when) and the incident's channel, category and tier as they are read now; nothing that names a person.
 */
@Component
class IncidentFeed {

	private final CityFeed feed;

	private final IncidentQueries incidents;

	private final Installation installation;

	IncidentFeed(CityFeed feed, IncidentQueries incidents, Installation installation) {
		this.feed = feed;
		this.incidents = incidents;
		this.installation = installation;
	}

	/** Only while some subscriber exists ({@link SubscriberPresence}): else no publication is even written. */
	@ApplicationModuleListener(condition = "@subscriberPresence.any()")
	void on(IncidentEvent step) {
		// an incident that is gone (never, today) has nothing left to tell
		incidents.view(installation.whole(), step.incidentId()).ifPresent(incident -> feed.publish(eventOf(step, incident)));
	}

	static FeedEvent eventOf(IncidentEvent step, IncidentView incident) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("incidentId", incident.id().toString());
		data.put("action", step.action().name());
		if (step.from() != null) {
			data.put("from", step.from().name());
		}
		data.put("to", step.to().name());
		data.put("channel", incident.channel().name());
		data.put("categoryCode", incident.categoryCode());
		if (incident.tier() != null) {
			data.put("tier", incident.tier().name());
		}
		if (incident.resolveDueAt() != null) {
			data.put("resolveDueAt", incident.resolveDueAt().toString());
		}
		return new FeedEvent(
				FeedEvent.idOf("incident", step.incidentId().toString(), step.action().name(), step.to().name(),
						step.at().toString()),
				FeedKinds.ofIncident(step.action()), incident.districtId(), incident.scopePath(), incident.id(),
				step.at(), data);
	}
}
