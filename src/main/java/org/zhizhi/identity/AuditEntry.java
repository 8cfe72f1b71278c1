package org.zhizhi.identity;

import java.time.Instant;
import java.util.UUID;

/** One line of the audit trail: who, when, from where, did what to which object, with what result. */
public record AuditEntry(UUID id, Instant occurredAt, UUID actorId, String username, String scopePath,
		String remoteAddress, String action, String objectType, String objectId, Outcome outcome, String detail) {

	/** The client's address in the IPv4 form where it is one (entries written before it was stored so). */
	public String clientAddress() {
		return ClientAddress.readable(remoteAddress);
	}

	public enum Outcome {
		SUCCESS, FAILURE, DENIED, ERROR
	}
}
