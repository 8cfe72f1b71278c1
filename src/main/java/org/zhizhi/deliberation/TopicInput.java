package org.zhizhi.deliberation;

/** The message keys the deliberation commands' shapes share. */
final class TopicInput {

	static final String REQUIRED = "{validation.required}";

	/** "长度须在 {0} 到 {1} 个字之间": a {@code TextLength} names both bounds. */
	static final String LENGTH = "{deliberation.length}";

	private TopicInput() {
	}
}
