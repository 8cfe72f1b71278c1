package org.zhizhi.partnership;

/** What a list item is about: the kinds of help the seeds' communities ask for and their partners offer. */
public enum ItemCategory {
	VENUE, FUNDS, EDUCATION, HEALTH, ELDERLY_CARE, CHILD_CARE, ENVIRONMENT, INFRASTRUCTURE, CULTURE, VOLUNTEERS,
	EQUIPMENT, EMPLOYMENT, OTHER
}
