package org.zhizhi.property;

import java.util.EnumSet;
import java.util.Set;

import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;

/**
 * Who may do what to a rectification: an inspector of its scope checks what the company answered (his group's work,
 * not only his own: a colleague may check it when he is away); the loop's steps are followed by the platform and never
 * offered to anyone; the desks of its scope read it.
 */
public final class RectificationPolicy {

	private RectificationPolicy() {
	}

	public static Set<RectificationAction> allowedActions(Actor actor, Rectification rectification) {
		Set<RectificationAction> actions = EnumSet.noneOf(RectificationAction.class);
		for (RectificationAction action : RectificationLifecycle.TABLE.actionsFrom(rectification.state())) {
			if (action != RectificationAction.FOLLOW_LOOP && refusal(actor, rectification, action) == null) {
				actions.add(action);
			}
		}
		return actions;
	}

	static DomainException refusal(Actor actor, Rectification rectification, RectificationAction action) {
		if (!actor.scope().covers(rectification.order().scopePath())) {
			return DomainException.notFound("rectification");
		}
		if (action == RectificationAction.FOLLOW_LOOP
				|| !RectificationLifecycle.TABLE.mayTake(actor.roles(), action)) {
			return new DomainException(Category.FORBIDDEN, "ROLE_NOT_ALLOWED", "problem.forbidden");
		}
		return null;
	}

	static void require(Actor actor, Rectification rectification, RectificationAction action) {
		DomainException refused = refusal(actor, rectification, action);
		if (refused != null) {
			throw refused;
		}
		RectificationLifecycle.TABLE.require(rectification.state(), action);
	}
}
