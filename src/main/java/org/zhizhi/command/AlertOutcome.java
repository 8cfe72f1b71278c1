package org.zhizhi.command;

/** How a closed alert ended: handled, or dismissed without action (the rule fired on something that needed none). */
public enum AlertOutcome {
	HANDLED, NO_ACTION
}
