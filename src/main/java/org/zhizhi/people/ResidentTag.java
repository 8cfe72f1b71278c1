package org.zhizhi.people;

/** The fixed tags grid workers keep for the people who need attention or play a part. */
public enum ResidentTag {
	ELDER_ALONE, AGED_80_PLUS, DISABLED, SUBSISTENCE, VETERAN, NEW_EMPLOYMENT, CHILD, PREGNANT, FLOATING, PARTY_MEMBER
}
