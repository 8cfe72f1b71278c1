package org.zhizhi.command;

/** The whistle's own step: the leader stands it down (解除) with what happened. */
public enum EmergencyAction {
	STAND_DOWN
}
