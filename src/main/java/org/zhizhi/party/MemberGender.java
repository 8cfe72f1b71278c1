package org.zhizhi.party;

public enum MemberGender {

	MALE, FEMALE
}
