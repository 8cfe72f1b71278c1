package org.zhizhi.identity.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.IntFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhizhi.identity.AuditEntry;
import org.zhizhi.identity.AuditSeal;
import org.zhizhi.shared.BeforeCommit;

/**
 * Joins entries to the audit chain in groups: every entry waits until it is committed, as before, but the entries of
 * many requests that arrive together join in one short transaction — the head row locked once, the entries inserted
 * in one statement, each sealed with the one before it, the head moved once. One entry per transaction made the chain's
 * head a hot row that every write request of the platform queued for through a commit each (issue 16: 6 ms of lock
 * wait per report under 16 concurrent reports); in groups the queue is one commit long.
 *
 * <p>One writer thread does all joining, so the order of the chain is the order of the queue. A group that fails is
 * retried entry by entry, so that one entry the database refuses does not take the others with it; the caller of a
 * refused entry gets the exception, as he did when he wrote it himself.
 */
final class AuditChainAppender {

	private static final Logger log = LoggerFactory.getLogger(AuditChainAppender.class);

	/** At most this many entries in one transaction: a long queue is written in several short ones. */
	private static final int MAX_GROUP = 256;

	/**
	 * The group's entries as one statement over arrays, which also moves the chain's head: one execution for the
	 * group instead of one per entry and another for the head (issue 16); timestamps as text, since the driver sends a
	 * Timestamp[] without its zone.
	 */
	private static final String INSERT = """
			WITH entries AS (
			  INSERT INTO identity.audit_entry (id, occurred_at, actor_id, username, scope_path, remote_address,
			                                    action, object_type, object_id, outcome, detail, chain_seq, chain_mac,
			                                    actor_name, object_kind, object_name, subject)
			  SELECT t.id, t.at::timestamptz, t.actor, t.username, t.scope, t.address, t.action, t.type, t.object,
			         t.outcome, t.detail, t.seq, t.mac, t.actor_name, t.kind, t.name, t.subject
			    FROM unnest(:ids, :ats, :actors, :usernames, :scopes, :addresses, :actions, :types, :objects, :outcomes,
			                :details, :seqs, :macs, :actorNames, :kinds, :names, :subjects)
			         AS t (id, at, actor, username, scope, address, action, type, object, outcome, detail, seq, mac,
			               actor_name, kind, name, subject))
			UPDATE identity.audit_chain_head SET seq = :seq, mac = :mac WHERE id = 1""";

	private record Pending(AuditEntry entry, CompletableFuture<Void> written) {
	}

	private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();

	private final JdbcClient jdbc;

	private final TransactionTemplate chaining;

	private final AuditSeal seal;

	private final Thread writer;

	private volatile boolean closing;

	AuditChainAppender(JdbcClient jdbc, TransactionTemplate chaining, AuditSeal seal) {
		this.jdbc = jdbc;
		this.chaining = chaining;
		this.seal = seal;
		this.writer = Thread.ofPlatform().name("zhizhi-audit-chain").daemon(true).start(this::run);
	}

	/** Appends the entry and returns once it is committed (or throws what the database said against it). */
	void append(AuditEntry unsealed) {
		AuditEntry entry = unsealed.at(AuditSeal.stored(unsealed.occurredAt()));
		Pending pending = new Pending(entry, new CompletableFuture<>());
		if (closing) {
			// the writer is gone or going: the caller joins the chain himself, one entry at a time
			write(List.of(pending));
			return;
		}
		queue.add(pending);
		try {
			while (true) {
				try {
					pending.written().get(1, TimeUnit.SECONDS);
					return;
				}
				catch (TimeoutException stillQueued) {
					// the writer stopped between the check above and the queueing: nobody else will write it
					if (!writer.isAlive() && queue.remove(pending)) {
						write(List.of(pending));
						return;
					}
				}
			}
		}
		catch (ExecutionException e) {
			throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while the audit entry was written", e);
		}
	}

	/** Writes what is queued and stops the writer; later entries are written by their callers. */
	void close() {
		closing = true;
		try {
			writer.join(TimeUnit.SECONDS.toMillis(10));
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private void run() {
		List<Pending> group = new ArrayList<>();
		while (!closing || !queue.isEmpty()) {
			try {
				Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				group.add(first);
				queue.drainTo(group, MAX_GROUP - 1);
				writeGroup(group);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				group.forEach(p -> p.written().completeExceptionally(e));
				return;
			}
			finally {
				group.clear();
			}
		}
	}

	private void writeGroup(List<Pending> group) {
		try {
			write(group);
			group.forEach(p -> p.written().complete(null));
		}
		catch (RuntimeException groupFailed) {
			if (group.size() > 1) {
				log.warn("An audit group of {} failed ({}); writing its entries one by one", group.size(),
						groupFailed.toString());
			}
			for (Pending one : group) {
				try {
					write(List.of(one));
					one.written().complete(null);
				}
				catch (RuntimeException failed) {
					one.written().completeExceptionally(failed);
				}
			}
		}
	}

	private void write(List<Pending> group) {
		chaining.executeWithoutResult(status -> join(jdbc, seal, group.stream().map(Pending::entry).toList()));
	}

	/**
	 * Joins the entries to the chain in the caller's transaction, in their order: the head locked, each entry sealed
	 * with the one before it, all inserted and the head moved in one statement. The head stays locked until that
	 * transaction ends, so the chain's order is the order of the commits.
	 */
	static void join(JdbcClient jdbc, AuditSeal seal, List<AuditEntry> unsealed) {
		if (unsealed.isEmpty()) {
			return;
		}
		var head = jdbc.sql("SELECT seq, mac FROM identity.audit_chain_head WHERE id = 1 FOR UPDATE")
			.query()
			.singleRow();
		long seq = ((Number) head.get("seq")).longValue();
		String mac = (String) head.get("mac");
		int n = unsealed.size();
		List<AuditEntry> entries = unsealed.stream().map(e -> e.at(AuditSeal.stored(e.occurredAt()))).toList();
		Long[] seqs = new Long[n];
		String[] macs = new String[n];
		for (int i = 0; i < n; i++) {
			seq++;
			mac = seal.seal(seq, mac, entries.get(i));
			seqs[i] = seq;
			macs[i] = mac;
		}
		// at a transaction's hand-over (a group's reports) sent with the other listeners' statements, as the last
		BeforeCommit.statement(INSERT)
			.param("ids", column(entries, AuditEntry::id, UUID[]::new))
			.param("ats", column(entries, e -> e.occurredAt().toString(), String[]::new))
			.param("actors", column(entries, AuditEntry::actorId, UUID[]::new))
			.param("usernames", column(entries, AuditEntry::username, String[]::new))
			.param("scopes", column(entries, AuditEntry::scopePath, String[]::new))
			.param("addresses", column(entries, AuditEntry::remoteAddress, String[]::new))
			.param("actions", column(entries, AuditEntry::action, String[]::new))
			.param("types", column(entries, AuditEntry::objectType, String[]::new))
			.param("objects", column(entries, AuditEntry::objectId, String[]::new))
			.param("outcomes", column(entries, e -> e.outcome().name(), String[]::new))
			.param("details", column(entries, AuditEntry::detail, String[]::new))
			.param("seqs", seqs)
			.param("macs", macs)
			.param("actorNames", column(entries, AuditEntry::actorName, String[]::new))
			.param("kinds", column(entries, AuditEntry::objectKind, String[]::new))
			.param("names", column(entries, AuditEntry::objectName, String[]::new))
			.param("subjects", column(entries, AuditEntry::subject, String[]::new))
			.param("seq", seq)
			.param("mac", mac)
			.send(jdbc);
	}

	private static <T> T[] column(List<AuditEntry> entries, Function<AuditEntry, T> field, IntFunction<T[]> array) {
		return entries.stream().map(field).toArray(array);
	}
}
