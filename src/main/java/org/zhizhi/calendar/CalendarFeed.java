package org.zhizhi.calendar;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;

import org.springframework.stereotype.Service;
import org.zhizhi.shared.Actor;

/**
 * A person's feed as an iCalendar document (RFC 5545, written by ical4j): every source's events from
 * {@link #PAST} ago to {@link #AHEAD} ahead, in the platform's zone with its VTIMEZONE, cancelled ones kept and marked
 * {@code STATUS:CANCELLED} so that a phone removes what it had.
 */
@Service
public class CalendarFeed {

	/** Recent meetings stay in the calendar for a while, as a record of what was held. */
	static final Duration PAST = Duration.ofDays(90);

	/** A year ahead: the quarterly joint meetings of the whole year. */
	static final Duration AHEAD = Duration.ofDays(400);

	private final List<CalendarSource> sources;

	private final ZoneId zone;

	private final Clock clock;

	CalendarFeed(List<CalendarSource> sources, ZoneId zone, Clock clock) {
		this.sources = sources;
		this.zone = zone;
		this.clock = clock;
	}

	/** The subscriber's events now, oldest first. */
	public List<CalendarEvent> events(Actor subscriber) {
		Instant now = clock.instant();
		List<CalendarEvent> events = new ArrayList<>();
		for (CalendarSource source : sources) {
			events.addAll(source.events(subscriber, now.minus(PAST), now.plus(AHEAD)));
		}
		events.sort(Comparator.comparing(CalendarEvent::start).thenComparing(CalendarEvent::uid));
		return events;
	}

	/** The subscriber's feed as the text a calendar app fetches. */
	public String ics(Actor subscriber, String name) {
		Calendar calendar = new Calendar().withProdId("-//Zhizhi//基层智治平台//ZH")
			.withDefaults()
			.withProperty(new XProperty("X-WR-CALNAME", name))
			.withProperty(new XProperty("X-WR-TIMEZONE", zone.getId()))
			.withComponent(TimeZoneRegistryFactory.getInstance()
				.createRegistry()
				.getTimeZone(zone.getId())
				.getVTimeZone())
			.getFluentTarget();
		Instant stamp = clock.instant();
		for (CalendarEvent event : events(subscriber)) {
			VEvent vevent = new VEvent(event.start().atZone(zone), event.start().plus(event.duration()).atZone(zone),
					event.summary());
			vevent.add(new Uid(event.uid()));
			// the constructor stamps the machine's time; the platform's clock decides (one DTSTAMP only)
			vevent.replace(new DtStamp(stamp));
			vevent.add(new Sequence(event.revision()));
			vevent.add(new Status(event.cancelled() ? Status.VALUE_CANCELLED : Status.VALUE_CONFIRMED));
			if (event.location() != null && !event.location().isBlank()) {
				vevent.add(new Location(event.location()));
			}
			if (event.description() != null && !event.description().isBlank()) {
				vevent.add(new Description(event.description()));
			}
			calendar.add(vevent);
		}
		StringWriter out = new StringWriter();
		try {
			new CalendarOutputter(false).output(calendar, out);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		return out.toString();
	}
}
