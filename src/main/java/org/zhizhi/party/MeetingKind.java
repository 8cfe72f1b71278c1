package org.zhizhi.party;

/**
 * The kinds of organisational life: 三会一课 — 支部党员大会 (the branch's members' meeting), 支部委员会 (its committee),
 * 党小组会 (a group's meeting), 党课 (a party lecture) — and the monthly 主题党日 (theme day).
 */
public enum MeetingKind {
	MEMBERS_MEETING, COMMITTEE_MEETING, GROUP_MEETING, LECTURE, THEME_DAY
}
