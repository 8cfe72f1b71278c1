package org.zhizhi.citylink;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.zhizhi.command.AlertEvent;
import org.zhizhi.command.EmergencyEvent;
import org.zhizhi.shared.DataScope;

/**
 * The command centre's events on the city platform's feed: each step of a risk alert ({@code alert.*}) and of an
 * emergency whistle ({@code emergency.*}) becomes one feed event, the same way as an incident's step
 * ({@link IncidentFeed}): after the step's commit, kept by the event publication registry until it has succeeded, its
 * id made from the step so that hearing it twice writes it once. Nothing that names a person: the alert's rule and
 * subject, the whistle's kind, title and how many it called, an answer's state.
 */
@Component
class CommandFeed {

	private final CityFeed feed;

	CommandFeed(CityFeed feed) {
		this.feed = feed;
	}

	@ApplicationModuleListener(condition = "@subscriberPresence.any()")
	void on(AlertEvent step) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("alertId", step.alertId().toString());
		String kind;
		String scopePath;
		switch (step) {
			case AlertEvent.AlertRaised r -> {
				kind = "alert.raised";
				scopePath = r.scopePath();
				data.put("rule", r.kind().name());
				data.put("subjectKind", r.subjectKind().name());
				data.put("subjectId", r.subjectId().toString());
			}
			case AlertEvent.AlertAcknowledged a -> {
				kind = "alert.acknowledged";
				scopePath = a.scopePath();
			}
			case AlertEvent.AlertAssigned a -> {
				kind = "alert.assigned";
				scopePath = a.scopePath();
			}
			case AlertEvent.AlertHandled h -> {
				kind = "alert.handled";
				scopePath = h.scopePath();
			}
			case AlertEvent.AlertClosed c -> {
				kind = "alert.closed";
				scopePath = c.scopePath();
				data.put("outcome", c.outcome().name());
			}
		}
		feed.publish(new FeedEvent(FeedEvent.idOf("alert", step.alertId().toString(), kind, step.at().toString()), kind,
				DataScope.districtOf(scopePath), scopePath, step.alertId(), step.at(), data));
	}

	@ApplicationModuleListener(condition = "@subscriberPresence.any()")
	void on(EmergencyEvent step) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("whistleId", step.whistleId().toString());
		String kind;
		String which = "";
		switch (step) {
			case EmergencyEvent.EmergencyWhistleBlown b -> {
				kind = "emergency.blown";
				data.put("kind", b.kind().name());
				data.put("title", b.title());
				data.put("called", b.called());
			}
			case EmergencyEvent.EmergencyAnswered a -> {
				kind = "emergency.answered";
				data.put("answer", a.answer().name());
				// one person's answers are told apart by him and by the answer, never named
				which = a.accountId() + "|" + a.answer();
			}
			case EmergencyEvent.EmergencyStoodDown d -> kind = "emergency.stood_down";
		}
		feed.publish(new FeedEvent(FeedEvent.idOf("emergency", step.whistleId().toString(), kind, which,
				step.at().toString()), kind, DataScope.districtOf(step.scopePath()), step.scopePath(), step.whistleId(),
				step.at(), data));
	}
}
