package org.zhizhi.citylink;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.citylink.CitylinkViews.OrderView;
import org.zhizhi.citylink.persistence.JdbcCityOrders;
import org.zhizhi.citylink.persistence.JdbcDeliveries;
import org.zhizhi.shared.Ids;

import tools.jackson.databind.json.JsonMapper;

/**
 * The feed's one door: an event is written once with its body, and one delivery for every subscriber it goes to, in
 * one transaction; the workers send them. Publishing the same event again changes nothing (its id is its key, and a
 * pair of event and subscriber is delivered once), so a publisher that is called twice — an event publication
 * delivered again after a crash — sends nothing twice. Another module's events (the command centre's alerts) come in
 * here too: a listener in this module turns them into a {@link FeedEvent}.
 */
@Service
public class CityFeed {

	private final JdbcDeliveries deliveries;

	private final JdbcCityOrders orders;

	private final JsonMapper json;

	private final Clock clock;

	CityFeed(JdbcDeliveries deliveries, JdbcCityOrders orders, JsonMapper json, Clock clock) {
		this.deliveries = deliveries;
		this.orders = orders;
		this.json = json;
		this.clock = clock;
	}

	/** Writes the event and its deliveries; answers how many subscribers it went to now (0 when it was there already). */
	@Transactional
	public int publish(FeedEvent event) {
		OrderView order = orders.ofIncident(event.subjectId()).orElse(null);
		String body = json.writeValueAsString(envelope(event, order));
		boolean created = deliveries.insertEvent(new JdbcDeliveries.EventRow(event.id(), event.kind(),
				event.districtId(), event.scopePath(), event.subjectId(), order == null ? null : order.source().name(),
				order == null ? null : order.externalId(), event.occurredAt(), body), clock.instant());
		if (!created) {
			return 0;
		}
		List<UUID> subscribers = deliveries.subscribersOf(event.id());
		List<UUID> ids = new ArrayList<>();
		subscribers.forEach(s -> ids.add(Ids.newId(clock)));
		deliveries.insertDeliveries(event.id(), ids, subscribers, clock.instant());
		return subscribers.size();
	}

	/**
	 * The body every subscriber receives: the event's id, kind, time, district and subject, its kind's fields, and —
	 * when the subject is an incident made from a city platform's order — that order's source and external id, so the
	 * platform files the step under its own order.
	 */
	static Map<String, Object> envelope(FeedEvent event, OrderView order) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", event.id().toString());
		body.put("kind", event.kind());
		body.put("occurredAt", event.occurredAt().toString());
		body.put("districtId", event.districtId().toString());
		body.put("subjectId", event.subjectId().toString());
		if (order != null) {
			body.put("externalReference", Map.of("source", order.source().name(), "externalId", order.externalId()));
		}
		body.put("data", new java.util.TreeMap<>(event.data()));
		return body;
	}
}
