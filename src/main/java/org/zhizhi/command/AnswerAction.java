package org.zhizhi.command;

/** What a person called does from his phone: 马上到 (coming), 无法前往 (cannot, with a reason), 已到达 (arrived). */
public enum AnswerAction {
	COMING, CANNOT, ARRIVE
}
