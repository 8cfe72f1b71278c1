package org.zhizhi.identity;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.zhizhi.identity.AuditEntry.Outcome;
import org.zhizhi.identity.persistence.JdbcAuditEntries;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.BeforeCommit;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.Ids;
import org.zhizhi.shared.Paging;
import org.zhizhi.shared.TextInput;

/**
 * The append-only audit trail. Entries are written outside the caller's transaction: a refusal or failure is written
 * at once, so it stays recorded when the caller's transaction rolls back; a success inside a transaction is written
 * when that transaction has committed — or as an ERROR if it rolled back instead, so the trail never claims a change
 * that did not happen. The one exception is work that takes its request's entry into its own transaction
 * ({@link #entryOfThisRequest}): the entry then commits with the work. Only the auditor reads it, and only within his
 * scope.
 */
@Service
public class AuditTrail {

	public static final int PAGE_SIZE = 50;

	private final JdbcAuditEntries entries;

	private final Clock clock;

	private final MeterRegistry meters;

	private final AuditNaming naming;

	AuditTrail(JdbcAuditEntries entries, Clock clock, MeterRegistry meters, AuditNaming naming) {
		this.entries = entries;
		this.clock = clock;
		this.meters = meters;
		this.naming = naming;
	}

	/**
	 * A write as the write filter sees it: its object named as it is called now, and the text its form named where
	 * the action's phrase quotes it ({@code formField} answers a form field's value).
	 */
	public void recordWrite(Actor actor, String remoteAddress, String action, String objectType, String objectId,
			Outcome outcome, String detail, UnaryOperator<String> formField) {
		record(actor, remoteAddress, action, objectType, objectId, outcome, detail,
				naming.forWrite(actor, action, objectId, formField));
	}

	/**
	 * The entry the write request this thread serves gets when it is answered with {@code status}, for work that
	 * commits it with what it wrote, in its own transaction ({@link #writeWithin}), instead of the write filter
	 * committing it in one more after the work — one commit a request instead of two (issue 16). Empty outside a
	 * request the write filter audits. Once that transaction has committed, the filter leaves the entry as written;
	 * should the request be answered otherwise after all, the filter writes that answer too.
	 */
	public Optional<RequestEntry> entryOfThisRequest(int status) {
		AuditWriteFilter.RequestWrite write = AuditWriteFilter.current();
		if (write == null) {
			return Optional.empty();
		}
		Actor actor = write.actor();
		return Optional.of(new RequestEntry(entry(actor, write.remoteAddress(), write.action(), write.objectType(),
				write.objectId(), AuditWriteFilter.outcome(status), "HTTP " + status,
				naming.forWrite(actor, write.action(), write.objectId(), write::formField)), write, status));
	}

	/**
	 * Joins the requests' entries to the trail in the caller's transaction, as its last statements (just before it
	 * commits, since the trail's head stays locked until then): they commit with the work or not at all.
	 */
	public void writeWithin(List<RequestEntry> requests) {
		if (requests.isEmpty()) {
			return;
		}
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("the entries of a request are written within its work's transaction");
		}
		// at the hand-over, after the listeners that gathered before: its statements are sent last
		BeforeCommit.gather(this, requests, gathered -> {
			List<RequestEntry> all = gathered.stream().flatMap(List::stream).toList();
			all.forEach(r -> count(r.entry()));
			entries.insertWithin(all.stream().map(RequestEntry::entry).toList());
		});
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				requests.forEach(RequestEntry::written);
			}
		});
	}

	/** A request's entry, prepared on its thread, to be written with its work ({@link #entryOfThisRequest}). */
	public static final class RequestEntry {

		private final AuditEntry entry;

		private final AuditWriteFilter.RequestWrite request;

		private final int status;

		private RequestEntry(AuditEntry entry, AuditWriteFilter.RequestWrite request, int status) {
			this.entry = entry;
			this.request = request;
			this.status = status;
		}

		AuditEntry entry() {
			return entry;
		}

		void written() {
			request.written(status);
		}
	}

	public void record(Actor actor, String remoteAddress, String action, String objectType, String objectId,
			Outcome outcome, String detail) {
		record(actor, remoteAddress, action, objectType, objectId, outcome, detail, null);
	}

	/**
	 * An entry with what its object was called at the time ({@code named} may be {@code null}); the person's name is
	 * the one he is shown under now, kept with the entry.
	 */
	public void record(Actor actor, String remoteAddress, String action, String objectType, String objectId,
			Outcome outcome, String detail, Named named) {
		write(entry(actor, remoteAddress, action, objectType, objectId, outcome, detail, named));
	}

	private AuditEntry entry(Actor actor, String remoteAddress, String action, String objectType, String objectId,
			Outcome outcome, String detail, Named named) {
		return new AuditEntry(Ids.newId(clock), clock.instant(), actor == null ? null : actor.userId(),
				truncate(actor == null ? null : actor.username(), 64), actor == null ? null : actor.scope().path(),
				truncate(ClientAddress.readable(remoteAddress), 64), action, objectType, truncate(objectId, 200), outcome,
				truncate(detail, 500), truncate(actor == null ? null : actor.displayName(), 64),
				named == null ? null : truncate(named.objectKind(), 64),
				named == null ? null : truncate(named.objectName(), 200),
				named == null ? null : truncate(named.subject(), 200));
	}

	public void record(UUID actorId, String username, String scopePath, String remoteAddress, String action,
			String objectType, String objectId, Outcome outcome, String detail) {
		write(new AuditEntry(Ids.newId(clock), clock.instant(), actorId, truncate(username, 64), scopePath,
				truncate(ClientAddress.readable(remoteAddress), 64), action, objectType, truncate(objectId, 200), outcome,
				truncate(detail, 500)));
	}

	/** What the object of a write was called when it was written, and the short text the request named. */
	public record Named(String objectKind, String objectName, String subject) {
	}

	private void write(AuditEntry entry) {
		Outcome outcome = entry.outcome();
		count(entry);
		if (outcome != Outcome.SUCCESS || !TransactionSynchronizationManager.isSynchronizationActive()) {
			entries.insert(entry);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				entries.insert(status == STATUS_COMMITTED ? entry
						: entry.withOutcome(Outcome.ERROR, truncate("rolled back: " + entry.detail(), 500)));
			}
		});
	}

	/** The scrape's view of the trail: failed and throttled sign-ins (LOGIN with FAILURE or DENIED) above all. */
	private void count(AuditEntry entry) {
		meters.counter("zhizhi.audit.entries", "action", String.valueOf(entry.action()), "outcome",
				String.valueOf(entry.outcome()))
			.increment();
	}

	/**
	 * A page of entries inside the auditor's scope, newest first. Entries without a scope (sign-ins with an unknown
	 * username) belong to the installation as a whole and are shown only to an auditor of the root.
	 */
	@Transactional(readOnly = true)
	public List<AuditEntry> read(DataScope scope, boolean includeUnscoped, AuditFilter filter, int page) {
		return entries.find(scope, includeUnscoped, filter, PAGE_SIZE + 1, Paging.offset(page, PAGE_SIZE));
	}

	/** The entries of a filter for the spreadsheet, newest first, at most {@code limit}. */
	@Transactional(readOnly = true)
	public List<AuditEntry> readAll(DataScope scope, boolean includeUnscoped, AuditFilter filter, int limit) {
		return entries.find(scope, includeUnscoped, filter, limit, 0);
	}

	/**
	 * Walks the whole chain and names its first break: an entry changed, one missing before another, or its end cut
	 * off. The chain covers every scope, so only an auditor of the whole installation runs it.
	 */
	public AuditSeal.Check verifyChain() {
		return entries.verifyChain();
	}

	/** Cut to the column's width, a NUL shown as ␀: PostgreSQL refuses U+0000, and the entry must still be written. */
	private static String truncate(String text, int max) {
		String stored = TextInput.visible(text);
		return stored == null || stored.length() <= max ? stored : stored.substring(0, max);
	}
}
