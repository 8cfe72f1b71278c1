package org.zhizhi.citylink;

import java.util.EnumSet;

import org.zhizhi.shared.Lifecycle;

/**
 * ACTIVE —PAUSE→ PAUSED —RESUME→ ACTIVE; ROTATE_SECRET in either state (a leaked secret is replaced whether or not
 * the subscriber is paused). All the district admin's.
 */
public final class SubscriberLifecycle {

	public static final Lifecycle<SubscriberState, SubscriberAction> TABLE = Lifecycle
		.of(SubscriberState.class, SubscriberAction.class, "citylink.subscriberIllegalTransition")
		.step(SubscriberAction.PAUSE, EnumSet.of(SubscriberState.ACTIVE), SubscriberState.PAUSED,
				DeliveryLifecycle.MANAGERS)
		.step(SubscriberAction.RESUME, EnumSet.of(SubscriberState.PAUSED), SubscriberState.ACTIVE,
				DeliveryLifecycle.MANAGERS)
		.stay(SubscriberAction.ROTATE_SECRET, EnumSet.allOf(SubscriberState.class), DeliveryLifecycle.MANAGERS)
		.build();

	private SubscriberLifecycle() {
	}
}
