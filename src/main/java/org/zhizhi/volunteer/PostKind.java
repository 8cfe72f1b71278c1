package org.zhizhi.volunteer;

/** 南岸's six volunteer posts: 民情联络、治安巡逻、文明劝导、纠纷调解、结对帮扶、五长联动. */
public enum PostKind {
	LIAISON, PATROL, CIVILITY, MEDIATION, PAIRING, FIVE_HEADS
}
