package org.zhizhi.deliberation;

/** A household's vote: 同意, 反对, 弃权. */
public enum VoteChoice {
	YES, NO, ABSTAIN
}
