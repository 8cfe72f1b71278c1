package org.zhizhi.deliberation;

/**
 * What deliberation a scope did in a period, step by step as the desk follows a topic (提事 → 议事 → 决事 → 执事):
 * the topics raised in it, the representatives' meetings held in it, the topics decided in it (by a vote or a
 * meeting's minutes) and of those the ones passed, and the topics whose execution was finished in it (执事 done, on
 * to 评事).
 */
public record DeliberationMonth(long raised, long meetingsHeld, long decided, long passed, long carriedOut) {

	/** Decided and not passed. */
	public long failed() {
		return decided - passed;
	}
}
