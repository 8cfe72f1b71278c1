package org.zhizhi.incident;

/** The reporter's verdict on a closed incident: 满意, 基本满意, 不满意 (the last one always with a comment). */
public enum Rating {
	SATISFIED, BASICALLY_SATISFIED, UNSATISFIED
}
