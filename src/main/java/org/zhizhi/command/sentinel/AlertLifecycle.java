package org.zhizhi.command.sentinel;

import java.util.EnumSet;

import org.zhizhi.command.AlertAction;
import org.zhizhi.command.AlertState;
import org.zhizhi.command.CommandRoles;
import org.zhizhi.shared.Lifecycle;

/**
 * NEW —ACKNOWLEDGE→ ACKNOWLEDGED —HANDLE→ HANDLED —CLOSE→ CLOSED (outcome HANDLED); ASSIGN stays, from NEW or
 * ACKNOWLEDGED (the desk gives it to a person, or to another); DISMISS from NEW or ACKNOWLEDGED → CLOSED (outcome
 * NO_ACTION: the condition needed nothing). Handling is the owner's (the role the rule names, or the person assigned);
 * closing and dismissing are the desks' above the grid.
 */
public final class AlertLifecycle {

	public static final Lifecycle<AlertState, AlertAction> TABLE = Lifecycle
		.of(AlertState.class, AlertAction.class, "command.alertIllegalTransition")
		.step(AlertAction.ACKNOWLEDGE, EnumSet.of(AlertState.NEW), AlertState.ACKNOWLEDGED, CommandRoles.ALERT_DESK)
		.stay(AlertAction.ASSIGN, EnumSet.of(AlertState.NEW, AlertState.ACKNOWLEDGED), CommandRoles.SUPERVISORS)
		.step(AlertAction.HANDLE, EnumSet.of(AlertState.ACKNOWLEDGED), AlertState.HANDLED, CommandRoles.ALERT_DESK)
		.step(AlertAction.CLOSE, EnumSet.of(AlertState.HANDLED), AlertState.CLOSED, CommandRoles.SUPERVISORS)
		.step(AlertAction.DISMISS, EnumSet.of(AlertState.NEW, AlertState.ACKNOWLEDGED), AlertState.CLOSED,
				CommandRoles.SUPERVISORS)
		.build();

	private AlertLifecycle() {
	}
}
