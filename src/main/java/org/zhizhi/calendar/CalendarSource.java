package org.zhizhi.calendar;

import java.time.Instant;
import java.util.List;

import org.zhizhi.shared.Actor;

/**
 * What a module puts in the feeds: the events in a window that the person may read, filtered by his scope and role as
 * every other read of the module is. A module with nothing for this person answers an empty list.
 */
public interface CalendarSource {

	List<CalendarEvent> events(Actor subscriber, Instant from, Instant to);
}
