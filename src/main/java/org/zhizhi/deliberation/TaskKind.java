package org.zhizhi.deliberation;

/**
 * What a task of a decision (执事) becomes, and so what tracks it to completion: the topic's page itself, the whistle
 * loop, or the partnership lists.
 */
public enum TaskKind {

	/** Tracked on the topic: its owner (or the desk) marks it done. */
	PLAIN,

	/** An incident reported by the meeting (channel MEETING): done when it is verified and closed. */
	INCIDENT,

	/** A project of the community's 项目清单 for partner units to claim: done when every pledge is accepted. */
	PROJECT,

	/** A volunteer activity of a team of the place on the due day: done once its organiser approved someone's hours. */
	VOLUNTEER
}
