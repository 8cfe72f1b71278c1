package org.zhizhi.volunteer;

import java.time.Instant;

/** One approved part as a sheet of hours lists it. */
public record HoursLine(Instant startsAt, String title, String teamName, String personName, int minutes,
		String approvedByName) {
}
