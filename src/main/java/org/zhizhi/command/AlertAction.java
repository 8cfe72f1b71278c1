package org.zhizhi.command;

/**
 * What is done to an alert: its owner acknowledges it, the desk gives it to a person (ASSIGN, any time before it is
 * handled), the owner handles it saying how, the desk closes a handled one, or dismisses one that needs no action.
 */
public enum AlertAction {
	ACKNOWLEDGE, ASSIGN, HANDLE, CLOSE, DISMISS
}
