package org.zhizhi.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of the audit trail: who, when, from where, did what to which object, with what result — and, from the
 * entries written since the trail is read in words, what the person and the object were called then and the short text
 * the request named ({@code null} on older entries, named when read).
 */
public record AuditEntry(UUID id, Instant occurredAt, UUID actorId, String username, String scopePath,
		String remoteAddress, String action, String objectType, String objectId, Outcome outcome, String detail,
		String actorName, String objectKind, String objectName, String subject) {

	/** An entry without names: what the trail held before it was written in words, and what sign-ins still write. */
	public AuditEntry(UUID id, Instant occurredAt, UUID actorId, String username, String scopePath,
			String remoteAddress, String action, String objectType, String objectId, Outcome outcome, String detail) {
		this(id, occurredAt, actorId, username, scopePath, remoteAddress, action, objectType, objectId, outcome, detail,
				null, null, null, null);
	}

	/** The client's address in the IPv4 form where it is one (entries written before it was stored so). */
	public String clientAddress() {
		return ClientAddress.readable(remoteAddress);
	}

	/** Whether the entry carries any of the names written with it (the seal covers them only then). */
	public boolean named() {
		return actorName != null || objectKind != null || objectName != null || subject != null;
	}

	/** The same entry with another outcome and detail: a success whose transaction rolled back after all. */
	AuditEntry withOutcome(Outcome changed, String changedDetail) {
		return new AuditEntry(id, occurredAt, actorId, username, scopePath, remoteAddress, action, objectType, objectId,
				changed, changedDetail, actorName, objectKind, objectName, subject);
	}

	/** The same entry at another instant (as the database keeps it). */
	public AuditEntry at(Instant stored) {
		return new AuditEntry(id, stored, actorId, username, scopePath, remoteAddress, action, objectType, objectId,
				outcome, detail, actorName, objectKind, objectName, subject);
	}

	public enum Outcome {
		SUCCESS, FAILURE, DENIED, ERROR
	}
}
