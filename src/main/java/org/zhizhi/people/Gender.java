package org.zhizhi.people;

public enum Gender {
	MALE, FEMALE
}
