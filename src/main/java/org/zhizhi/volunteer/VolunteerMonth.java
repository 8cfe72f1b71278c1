package org.zhizhi.volunteer;

/**
 * What volunteering a scope did in a period: the activities held (starting in it, not cancelled), the volunteers who
 * served in them (checked out or approved), and the minutes approved — the hours that count (民政部令第67号).
 */
public record VolunteerMonth(long activities, long volunteers, long approvedMinutes) {

	/** The approved hours, to one decimal as the certificates show them. */
	public double approvedHours() {
		return Math.round(approvedMinutes / 6.0) / 10.0;
	}
}
