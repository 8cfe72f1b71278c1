package org.zhizhi.identity;

import org.springframework.stereotype.Component;
import org.zhizhi.shared.invalidation.Invalidations;

/**
 * A manager's release of a held-back name (解锁) on every node: each node keeps its own {@link SignInThrottle} buckets,
 * so the release is made here at once and announced to the others as the unlock commits. A release that a node missed
 * while it could not hear is not made up for: that node's buckets refill by themselves within the lock duration.
 */
@Component
class ThrottleReleases {

	static final String RELEASED = "identity.sign-in-release";

	private final SignInThrottle throttle;

	private final Invalidations invalidations;

	ThrottleReleases(SignInThrottle throttle, Invalidations invalidations) {
		this.throttle = throttle;
		this.invalidations = invalidations;
		invalidations.onAnnounced(RELEASED, name -> {
			if (!name.isEmpty()) {
				throttle.release(name);
			}
		});
	}

	void release(String username) {
		throttle.release(username);
		invalidations.announce(RELEASED, username.strip());
	}
}
