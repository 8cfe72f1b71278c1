package org.zhizhi.command;

/** Where one person called stands: called (no answer yet), coming, cannot come, arrived on site. */
public enum AnswerState {
	CALLED, COMING, CANNOT, ARRIVED
}
