package org.zhizhi.wish;

/** Who took a wish: a party member (in-service members included), a volunteer team, or a partner unit. */
public enum TakerKind {
	MEMBER, TEAM, UNIT
}
