package org.zhizhi.calendar;

import java.time.Duration;
import java.time.Instant;

/**
 * One event of a feed, as a module describes it: what a calendar app shows, and no personal data (no attendee names,
 * phones or notes) — the feed leaves the platform for a phone's calendar.
 *
 * @param uid stable across fetches and reschedules, so that the app updates the event instead of adding another
 * @param revision grows with every change (RFC 5545 SEQUENCE), so that the app takes the new time or cancellation
 */
public record CalendarEvent(String uid, String summary, String description, String location, Instant start,
		Duration duration, boolean cancelled, int revision) {
}
