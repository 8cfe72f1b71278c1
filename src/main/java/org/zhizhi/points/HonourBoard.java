package org.zhizhi.points;

/** 红榜 (examples to follow) and 黑榜 (named by a decision, for a time). */
public enum HonourBoard {
	RED, BLACK
}
