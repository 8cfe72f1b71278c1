package org.zhizhi.command;

import java.time.Instant;
import java.util.UUID;

/** One person an emergency whistle called, as the board and the API show him. */
public record CalleeView(UUID accountId, String name, EmergencyForce force, String post, AnswerState state,
		Instant answeredAt, String reason, Instant arrivedAt, Double arrivedLat, Double arrivedLng) {

	static CalleeView of(EmergencyCallee c) {
		EmergencyCallee.Position p = c.arrivedAtPosition();
		return new CalleeView(c.accountId(), c.name(), c.force(), c.post(), c.state(), c.answeredAt(), c.reason(),
				c.arrivedAt(), p == null ? null : p.lat(), p == null ? null : p.lng());
	}
}
