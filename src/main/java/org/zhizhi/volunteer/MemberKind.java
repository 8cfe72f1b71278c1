package org.zhizhi.volunteer;

/** Who a team member is: a resident, a party member, a rider, or staff of a partner unit. */
public enum MemberKind {
	RESIDENT, MEMBER, RIDER, UNIT_STAFF
}
