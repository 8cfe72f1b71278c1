package org.zhizhi.deliberation;

/** Where a comment stands on the topic: 支持, 反对, 中立. */
public enum Stance {
	SUPPORT, OPPOSE, NEUTRAL
}
