package org.zhizhi.property;

import java.util.EnumSet;

import org.zhizhi.shared.Lifecycle;
import org.zhizhi.shared.Role;

/** OPEN —PAY→ PAID (the building's guardian or the desk: the policy says who) and OPEN —EXEMPT→ EXEMPT (the desk). */
public final class FeeBillLifecycle {

	public static final Lifecycle<FeeBillState, FeeBillAction> TABLE = Lifecycle
		.of(FeeBillState.class, FeeBillAction.class, "property.fees.illegalTransition")
		.step(FeeBillAction.PAY, EnumSet.of(FeeBillState.OPEN), FeeBillState.PAID, EnumSet.allOf(Role.class))
		.step(FeeBillAction.EXEMPT, EnumSet.of(FeeBillState.OPEN), FeeBillState.EXEMPT, SelfRunRoles.DESK)
		.build();

	private FeeBillLifecycle() {
	}
}
