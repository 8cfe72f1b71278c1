package org.zhizhi.people;

public enum HouseholdEventKind {
	MOVED_IN, MOVED_OUT, MOVED_HOUSE, MEMBER_ADDED
}
