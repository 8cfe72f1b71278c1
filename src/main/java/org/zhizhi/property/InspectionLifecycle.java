package org.zhizhi.property;

import java.util.EnumSet;

import org.zhizhi.shared.Lifecycle;

/** OPEN —RECORD_FINDING→ OPEN —SUBMIT→ SUBMITTED; OPEN —CANCEL→ CANCELLED. Inspectors only (the policy: his own). */
public final class InspectionLifecycle {

	public static final Lifecycle<InspectionState, InspectionAction> TABLE = Lifecycle
		.of(InspectionState.class, InspectionAction.class, "property.inspectionIllegalTransition")
		.stay(InspectionAction.RECORD_FINDING, EnumSet.of(InspectionState.OPEN), PropertyRoles.INSPECTORS)
		.step(InspectionAction.SUBMIT, EnumSet.of(InspectionState.OPEN), InspectionState.SUBMITTED,
				PropertyRoles.INSPECTORS)
		.step(InspectionAction.CANCEL, EnumSet.of(InspectionState.OPEN), InspectionState.CANCELLED,
				PropertyRoles.INSPECTORS)
		.build();

	private InspectionLifecycle() {
	}
}
