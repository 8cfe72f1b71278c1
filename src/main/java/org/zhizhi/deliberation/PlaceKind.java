package org.zhizhi.deliberation;

/** What a topic concerns: one building (楼栋), an estate (小区), or a whole community (社区). */
public enum PlaceKind {
	BUILDING, ESTATE, COMMUNITY
}
