package org.zhizhi.command.sentinel;

import java.time.Instant;
import java.util.UUID;

import org.zhizhi.command.AlertAction;
import org.zhizhi.command.AlertState;

/** One step of an alert's history: the raise (no action, by the sentinel) or an action, the state it led to, the note. */
public record AlertStep(UUID id, UUID alertId, AlertAction action, AlertState state, Instant at, UUID byId,
		String byName, String note) {

	/** The name a step taken by the sentinel itself is written with; pages say 智能哨兵 in the reader's language. */
	public static final String SENTINEL = "sentinel";

	public boolean bySentinel() {
		return byId == null;
	}
}
