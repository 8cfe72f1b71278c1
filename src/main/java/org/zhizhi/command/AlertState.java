package org.zhizhi.command;

/** An alert is raised NEW, taken up by its owner (ACKNOWLEDGED), HANDLED with a note, then CLOSED. */
public enum AlertState {
	NEW, ACKNOWLEDGED, HANDLED, CLOSED;

	/** Whether the condition it stands for may raise another alert: not while this one is open. */
	public boolean open() {
		return this != CLOSED;
	}
}
