package org.zhizhi.volunteer;

import java.time.Instant;
import java.util.UUID;

/**
 * A visit of a pairing (结对帮扶) logged by the volunteer or member paired with an elder living alone or a family in
 * difficulty — published for the points module to pay the visit's points, once per visit. {@code scopePath} is the
 * node of the pairing.
 */
public record PairingVisited(UUID visitId, UUID pairingId, UUID personId, String personName, String scopePath,
		Instant at) {
}
