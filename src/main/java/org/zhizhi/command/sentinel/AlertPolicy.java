package org.zhizhi.command.sentinel;

import java.util.EnumSet;
import java.util.Set;

import org.zhizhi.command.AlertAction;
import org.zhizhi.command.CommandRoles;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;

/**
 * Who may do what to an alert: the desks whose scope covers its subject see it and acknowledge it; it is handled by
 * the person it was given to — or, while it was given to nobody, by anyone of the role its rule names — or by a desk
 * above the grid; those desks assign, close and dismiss. Nobody else sees it. The commands enforce {@link #refusal};
 * the API and the pages offer {@link #allowedActions}.
 */
public final class AlertPolicy {

	private AlertPolicy() {
	}

	public static boolean sees(Actor actor, Alert alert) {
		return actor.hasAny(CommandRoles.ALERT_DESK) && actor.scope().covers(alert.raised().fact().scopePath());
	}

	public static Set<AlertAction> allowedActions(Actor actor, Alert alert) {
		Set<AlertAction> actions = EnumSet.noneOf(AlertAction.class);
		for (AlertAction action : AlertLifecycle.TABLE.actionsFrom(alert.state())) {
			if (refusal(actor, alert, action) == null) {
				actions.add(action);
			}
		}
		return actions;
	}

	static DomainException refusal(Actor actor, Alert alert, AlertAction action) {
		if (!sees(actor, alert)) {
			return DomainException.notFound("alert");
		}
		if (!AlertLifecycle.TABLE.mayTake(actor.roles(), action)) {
			return new DomainException(Category.FORBIDDEN, "ROLE_NOT_ALLOWED", "problem.forbidden");
		}
		if (action == AlertAction.HANDLE && !actor.hasAny(CommandRoles.SUPERVISORS)) {
			boolean mine = alert.ownerId() == null ? actor.has(alert.raised().ownerRole())
					: alert.ownerId().equals(actor.userId());
			if (!mine) {
				return new DomainException(Category.FORBIDDEN, "NOT_THE_OWNER", "command.notTheOwner");
			}
		}
		return null;
	}

	static void require(Actor actor, Alert alert, AlertAction action) {
		DomainException refused = refusal(actor, alert, action);
		if (refused != null) {
			throw refused;
		}
		alert.check(action);
	}
}
