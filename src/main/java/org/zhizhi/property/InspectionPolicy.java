package org.zhizhi.property;

import java.util.EnumSet;
import java.util.Set;

import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;

/**
 * Who may do what to an inspection: its own inspector records findings, submits or cancels it — an inspection is his
 * word of what he saw; the desks of its scope only read it. The commands enforce {@link #refusal}, the pages and the
 * API offer {@link #allowedActions}.
 */
public final class InspectionPolicy {

	private InspectionPolicy() {
	}

	public static Set<InspectionAction> allowedActions(Actor actor, Inspection inspection) {
		Set<InspectionAction> actions = EnumSet.noneOf(InspectionAction.class);
		for (InspectionAction action : InspectionLifecycle.TABLE.actionsFrom(inspection.state())) {
			if (refusal(actor, inspection, action) == null) {
				actions.add(action);
			}
		}
		return actions;
	}

	static DomainException refusal(Actor actor, Inspection inspection, InspectionAction action) {
		if (!actor.scope().covers(inspection.subject().scopePath())) {
			return DomainException.notFound("inspection");
		}
		if (!InspectionLifecycle.TABLE.mayTake(actor.roles(), action)) {
			return new DomainException(Category.FORBIDDEN, "ROLE_NOT_ALLOWED", "problem.forbidden");
		}
		if (!actor.userId().equals(inspection.subject().inspectorId())) {
			return new DomainException(Category.FORBIDDEN, "NOT_THE_INSPECTOR", "property.notTheInspector");
		}
		return null;
	}

	static void require(Actor actor, Inspection inspection, InspectionAction action) {
		DomainException refused = refusal(actor, inspection, action);
		if (refused != null) {
			throw refused;
		}
		InspectionLifecycle.TABLE.require(inspection.state(), action);
	}
}
