package org.zhizhi.volunteer;

/**
 * The seeds' teams: 睦邻、亲邻、惠邻 (neighbourhood), a 为老 team (elderly), 先锋骑士 (riders), party members' teams (红灯笼,
 * 一抹红), retirees (走马梁), a team for one project (the 9 who built a path), any other.
 */
public enum TeamKind {
	NEIGHBOURHOOD, ELDERLY, RIDERS, PARTY, RETIREES, PROJECT, OTHER
}
