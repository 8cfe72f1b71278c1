package org.zhizhi.citylink;

import java.util.EnumSet;

import org.zhizhi.shared.Lifecycle;

/**
 * ACTIVE —PAUSE→ PAUSED —RESUME→ ACTIVE; ROTATE_SECRET in either state (a leaked secret is replaced whether or not
 * the subscriber is paused); ACTIVE or PAUSED —RETIRE→ RETIRED, for good (a receiver taken down: a new one is added
 * as a new subscriber, with a new secret). All the district admin's.
 */
public final class SubscriberLifecycle {

	public static final Lifecycle<SubscriberState, SubscriberAction> TABLE = Lifecycle
		.of(SubscriberState.class, SubscriberAction.class, "citylink.subscriberIllegalTransition")
		.step(SubscriberAction.PAUSE, EnumSet.of(SubscriberState.ACTIVE), SubscriberState.PAUSED,
				DeliveryLifecycle.MANAGERS)
		.step(SubscriberAction.RESUME, EnumSet.of(SubscriberState.PAUSED), SubscriberState.ACTIVE,
				DeliveryLifecycle.MANAGERS)
		.stay(SubscriberAction.ROTATE_SECRET, EnumSet.of(SubscriberState.ACTIVE, SubscriberState.PAUSED),
				DeliveryLifecycle.MANAGERS)
		.step(SubscriberAction.RETIRE, EnumSet.of(SubscriberState.ACTIVE, SubscriberState.PAUSED),
				SubscriberState.RETIRED, DeliveryLifecycle.MANAGERS)
		.build();

	private SubscriberLifecycle() {
	}
}
