/**
 * Calendar feeds (issue 19): each person's private iCalendar feed (RFC 5545) of the meetings he may read — joint
 * meetings today, deliberation meetings and 主题党日 as their modules come — for the calendar app on his phone.
 * Modules contribute their events through {@link org.zhizhi.calendar.CalendarSource}; the feed's URL is a credential
 * kept by identity ({@code CalendarFeeds}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Calendar")
package org.zhizhi.calendar;
