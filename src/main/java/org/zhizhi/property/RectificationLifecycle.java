package org.zhizhi.property;

import java.util.EnumSet;

import org.zhizhi.shared.Lifecycle;
import org.zhizhi.shared.Role;

/**
 * ISSUED —FOLLOW_LOOP→ ANSWERED | WITHDRAWN (the incident's steps, whoever took them: the platform follows them);
 * ANSWERED —PASS→ PASSED, —SEND_BACK→ ISSUED (the inspector who raised it, the policy says).
 */
public final class RectificationLifecycle {

	public static final Lifecycle<RectificationState, RectificationAction> TABLE = Lifecycle
		.of(RectificationState.class, RectificationAction.class, "property.rectificationIllegalTransition")
		.step(RectificationAction.FOLLOW_LOOP, EnumSet.of(RectificationState.ISSUED, RectificationState.ANSWERED),
				EnumSet.of(RectificationState.ISSUED, RectificationState.ANSWERED, RectificationState.WITHDRAWN),
				EnumSet.allOf(Role.class))
		.step(RectificationAction.PASS, EnumSet.of(RectificationState.ANSWERED), RectificationState.PASSED,
				PropertyRoles.INSPECTORS)
		.step(RectificationAction.SEND_BACK, EnumSet.of(RectificationState.ANSWERED), RectificationState.ISSUED,
				PropertyRoles.INSPECTORS)
		.build();

	private RectificationLifecycle() {
	}
}
