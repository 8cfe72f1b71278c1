package org.zhizhi.deliberation;

/**
 * The ways residents meet to deliberate, as the seeds describe them, with who calls them and how often: 逢四说事 (the
 * estate's self-management group, on the 4th of every month — or the next working day — with street, community and
 * residents), 书记坝坝茶 (the community secretary over tea in the courtyard), 院坝会 (the branch hears residents in the
 * courtyard), 小哥圆桌会 (departments, street and community leaders with delivery riders), 党群议事会 (the community party
 * committee with departments, the street and firms, for what a group cannot settle), 三方联席会议 (居委会, 业委会 and
 * 物业 with the community police officer, building heads and grid workers, on property matters) and 居民代表议事协商会议
 * (the residents' representatives, monthly).
 *
 * @param monthly whether the format meets every month (a series schedules the next meeting by itself)
 * @param defaultDay the day of the month a monthly format meets on unless its series says otherwise
 * @param estateLevel whether it is held for an estate (else for the community)
 */
public enum MeetingFormat {

	FOURTH_DAY_TALK(true, 4, true), SECRETARY_TEA(false, 0, false), COURTYARD(false, 0, true),
	RIDERS_ROUNDTABLE(false, 0, false), PARTY_MASSES_COUNCIL(false, 0, false), TRIPARTITE(false, 0, true),
	REPRESENTATIVES(true, 25, false);

	private final boolean monthly;

	private final int defaultDay;

	private final boolean estateLevel;

	MeetingFormat(boolean monthly, int defaultDay, boolean estateLevel) {
		this.monthly = monthly;
		this.defaultDay = defaultDay;
		this.estateLevel = estateLevel;
	}

	public boolean monthly() {
		return monthly;
	}

	public int defaultDay() {
		return defaultDay;
	}

	public boolean estateLevel() {
		return estateLevel;
	}
}
