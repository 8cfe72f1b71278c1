package org.zhizhi.party;

/** Where a member stands; only ACTIVE members are counted. */
public enum MemberStatus {

	ACTIVE, TRANSFERRED_OUT, DECEASED, EXPELLED
}
