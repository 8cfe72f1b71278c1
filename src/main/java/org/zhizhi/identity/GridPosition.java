package org.zhizhi.identity;

/** The post a grid worker holds in his grid's 1+3+N team: the "1" and the "3". */
public enum GridPosition {
	GRID_LEADER, FULL_TIME, PART_TIME, INSTRUCTOR
}
