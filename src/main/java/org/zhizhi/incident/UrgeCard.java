package org.zhizhi.incident;

/** 督办 cards: a yellow card warns, a red card is the last warning before consequences in the assessment. */
public enum UrgeCard {
	YELLOW, RED
}
