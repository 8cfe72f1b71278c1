package org.zhizhi.citylink;

import java.util.EnumSet;
import java.util.Set;

import org.zhizhi.shared.Lifecycle;
import org.zhizhi.shared.Role;

/**
 * PENDING —DELIVER→ DELIVERED (a 2xx answer); PENDING —RETRY→ PENDING (not 2xx, the schedule has another wait);
 * PENDING —GIVE_UP→ FAILED (the last attempt failed); DELIVERED or FAILED —RESEND→ PENDING (a district admin, for a
 * subscriber that lost or missed it). The attempts are the workers', who act for nobody: every role may take them.
 */
public final class DeliveryLifecycle {

	/** Who manages the links of a district: its subscribers, their deliveries, the city platform's keys. */
	public static final Set<Role> MANAGERS = EnumSet.of(Role.DISTRICT_ADMIN);

	public static final Lifecycle<DeliveryState, DeliveryAction> TABLE = Lifecycle
		.of(DeliveryState.class, DeliveryAction.class, "citylink.deliveryIllegalTransition")
		.step(DeliveryAction.DELIVER, EnumSet.of(DeliveryState.PENDING), DeliveryState.DELIVERED,
				EnumSet.allOf(Role.class))
		.stay(DeliveryAction.RETRY, EnumSet.of(DeliveryState.PENDING), EnumSet.allOf(Role.class))
		.step(DeliveryAction.GIVE_UP, EnumSet.of(DeliveryState.PENDING), DeliveryState.FAILED, EnumSet.allOf(Role.class))
		.step(DeliveryAction.RESEND, EnumSet.of(DeliveryState.DELIVERED, DeliveryState.FAILED), DeliveryState.PENDING,
				MANAGERS)
		.build();

	private DeliveryLifecycle() {
	}
}
