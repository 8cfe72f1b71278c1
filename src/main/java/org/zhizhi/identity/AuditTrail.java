package org.zhizhi.identity;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.identity.AuditEntry.Outcome;
import org.zhizhi.identity.persistence.JdbcAuditEntries;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.Ids;

/**
 * The append-only audit trail. Entries are written in a transaction of their own, so that a refused or failed action is
 * recorded even when its own transaction rolls back. Only the auditor reads it, and only within his scope.
 */
@Service
public class AuditTrail {

	public static final int PAGE_SIZE = 50;

	private final JdbcAuditEntries entries;

	private final Clock clock;

	AuditTrail(JdbcAuditEntries entries, Clock clock) {
		this.entries = entries;
		this.clock = clock;
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void record(Actor actor, String remoteAddress, String action, String objectType, String objectId,
			Outcome outcome, String detail) {
		record(actor == null ? null : actor.userId(), actor == null ? null : actor.username(),
				actor == null ? null : actor.scope().path(), remoteAddress, action, objectType, objectId, outcome,
				detail);
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void record(UUID actorId, String username, String scopePath, String remoteAddress, String action,
			String objectType, String objectId, Outcome outcome, String detail) {
		entries.insert(new AuditEntry(Ids.newId(clock), clock.instant(), actorId, truncate(username, 64), scopePath,
				truncate(remoteAddress, 64), action, objectType, truncate(objectId, 200), outcome,
				truncate(detail, 500)));
	}

	/**
	 * A page of entries inside the auditor's scope, newest first. Entries without a scope (sign-ins with an unknown
	 * username) belong to the installation as a whole and are shown only to an auditor of the root.
	 */
	@Transactional(readOnly = true)
	public List<AuditEntry> read(DataScope scope, boolean includeUnscoped, AuditFilter filter, int page) {
		return entries.find(scope, includeUnscoped, filter, PAGE_SIZE + 1, Math.max(page, 0) * PAGE_SIZE);
	}

	private static String truncate(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max);
	}
}
