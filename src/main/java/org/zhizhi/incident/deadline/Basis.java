package org.zhizhi.incident.deadline;

/** Which clock a deadline runs on. */
public enum Basis {

	/** Every minute counts, night, weekend and holiday: emergencies. */
	AROUND_THE_CLOCK,

	/**
	 * Only office hours on working days count (default 09:00–12:00 and 14:00–18:00, Monday to Friday, minus public
	 * holidays, plus 调休 days): work that needs staff at their desks.
	 */
	WORKING_HOURS,

	/**
	 * The whole of every working day counts and rest days and holidays are skipped (节假日顺延): "within 24 hours"
	 * or "within 30 days" in the usual Chinese sense, where a deadline never expires on a day off.
	 */
	WORKING_DAYS
}
