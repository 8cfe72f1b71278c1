package org.zhizhi.notification.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.notification.InboxMessage;
import org.zhizhi.notification.Notice;
import org.zhizhi.notification.OutboxMessage;
import org.zhizhi.shared.BeforeCommit;

/**
 * The SQL of the inbox and the outbox. Every inbox read and write names its recipient: a message id alone never
 * reaches a row, so nobody reads or marks another person's message.
 */
@Repository
public class JdbcNotifications {

	private static final String MESSAGE_COLUMNS = "id, kind, title, body, link, created_at, read_at, done_at";

	private final JdbcClient jdbc;

	JdbcNotifications(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One new message, addressed to several recipients: the id of each recipient's copy, in the same order. */
	public record Addressed(UUID messageId, UUID recipientId) {
	}

	/** One outbox row to create. */
	public record Pending(UUID id, UUID messageId, String channel) {
	}

	/**
	 * Inserts the recipients' copies of a notice and their outbox rows in two statements, whatever their number: a
	 * whistle may reach every party member of a community.
	 */
	public void insert(Notice notice, List<Addressed> copies, List<Pending> outbox, Instant at) {
		insertAll(List.of(new Copies(notice, copies)), outbox, at);
	}

	/** A notice with its recipients' copies, one of many written together. */
	public record Copies(Notice notice, List<Addressed> copies) {
	}

	/**
	 * Inserts the copies of many notices and their outbox rows in one statement, whatever their number: the notices
	 * of a group of reports written at once (issue 16).
	 */
	public void insertAll(List<Copies> notices, List<Pending> outbox, Instant at) {
		List<Notice> perCopy = new ArrayList<>();
		List<Addressed> copies = new ArrayList<>();
		for (Copies notice : notices) {
			for (Addressed copy : notice.copies()) {
				perCopy.add(notice.notice());
				copies.add(copy);
			}
		}
		if (copies.isEmpty()) {
			return;
		}
		// one statement for both (the outbox's reference to its message is checked at the statement's end); at a
		// transaction's hand-over (a group's new-report notices) sent with the other listeners' statements
		BeforeCommit.statement("""
				WITH messages AS (
				  INSERT INTO notification.inbox_message (id, recipient_id, district_id, kind, title, body, link,
				                                          created_at, subject_type, subject_id, subject_state)
				  SELECT c.id, c.recipient_id, c.district_id, c.kind, c.title, c.body, c.link, :at, c.subject_type,
				         c.subject_id, c.subject_state
				    FROM unnest(CAST(:ids AS uuid[]), CAST(:recipients AS uuid[]), CAST(:districts AS uuid[]),
				                CAST(:kinds AS text[]), CAST(:titles AS text[]), CAST(:bodies AS text[]),
				                CAST(:links AS text[]), CAST(:subjectTypes AS text[]), CAST(:subjectIds AS uuid[]),
				                CAST(:subjectStates AS text[]))
				         AS c (id, recipient_id, district_id, kind, title, body, link, subject_type, subject_id,
				               subject_state))
				INSERT INTO notification.outbox (id, message_id, channel, next_attempt_at, created_at)
				SELECT o.id, o.message_id, o.channel, :at, :at
				  FROM unnest(CAST(:outboxIds AS uuid[]), CAST(:messages AS uuid[]), CAST(:channels AS text[]))
				       AS o (id, message_id, channel)""")
			.param("at", Timestamp.from(at))
			.param("ids", copies.stream().map(Addressed::messageId).toArray(UUID[]::new))
			.param("recipients", copies.stream().map(Addressed::recipientId).toArray(UUID[]::new))
			.param("districts", perCopy.stream().map(Notice::districtId).toArray(UUID[]::new))
			.param("kinds", perCopy.stream().map(Notice::kind).toArray(String[]::new))
			.param("titles", perCopy.stream().map(Notice::title).toArray(String[]::new))
			.param("bodies", perCopy.stream().map(Notice::body).toArray(String[]::new))
			.param("links", perCopy.stream().map(Notice::link).toArray(String[]::new))
			.param("subjectTypes",
					perCopy.stream().map(n -> n.subject() == null ? null : n.subject().type()).toArray(String[]::new))
			.param("subjectIds",
					perCopy.stream().map(n -> n.subject() == null ? null : n.subject().id()).toArray(UUID[]::new))
			.param("subjectStates",
					perCopy.stream().map(n -> n.subject() == null ? null : n.subject().state()).toArray(String[]::new))
			.param("outboxIds", array(outbox.stream().map(Pending::id).toList()))
			.param("messages", array(outbox.stream().map(Pending::messageId).toList()))
			.param("channels", array(outbox.stream().map(Pending::channel).toList()))
			.send(jdbc);
	}

	// --- the inbox ----------------------------------------------------------------------------------------------

	public List<InboxMessage> inbox(UUID recipientId, boolean unreadOnly, int limit, int offset) {
		return jdbc.sql("SELECT " + MESSAGE_COLUMNS + """
				 FROM notification.inbox_message
				WHERE recipient_id = :recipient
				  AND (NOT :unreadOnly OR read_at IS NULL)
				ORDER BY created_at DESC, id DESC
				LIMIT :limit OFFSET :offset""")
			.param("recipient", recipientId)
			.param("unreadOnly", unreadOnly)
			.param("limit", limit)
			.param("offset", offset)
			.query(JdbcNotifications::message)
			.list();
	}

	public Optional<InboxMessage> find(UUID recipientId, UUID id) {
		return jdbc.sql("SELECT " + MESSAGE_COLUMNS
				+ " FROM notification.inbox_message WHERE id = :id AND recipient_id = :recipient")
			.param("id", id)
			.param("recipient", recipientId)
			.query(JdbcNotifications::message)
			.optional();
	}

	public long unreadCount(UUID recipientId) {
		return jdbc.sql("""
				SELECT count(*) FROM notification.inbox_message WHERE recipient_id = :recipient AND read_at IS NULL""")
			.param("recipient", recipientId)
			.query(Long.class)
			.single();
	}

	/** Marks one of the recipient's messages read (a second time keeps the first time); false if he has no such. */
	public boolean markRead(UUID recipientId, UUID id, Instant at) {
		return jdbc.sql("""
				UPDATE notification.inbox_message SET read_at = coalesce(read_at, :at)
				 WHERE id = :id AND recipient_id = :recipient""")
			.param("at", Timestamp.from(at))
			.param("id", id)
			.param("recipient", recipientId)
			.update() == 1;
	}

	public int markAllRead(UUID recipientId, Instant at) {
		return jdbc.sql("""
				UPDATE notification.inbox_message SET read_at = :at
				 WHERE recipient_id = :recipient AND read_at IS NULL""")
			.param("at", Timestamp.from(at))
			.param("recipient", recipientId)
			.update();
	}

	/**
	 * Marks done (and read) the open messages about the thing that were sent while it was in another state than
	 * {@code currentState}, or whose kind is among {@code settledKinds}: their task has been done. Idempotent.
	 */
	public int settle(String subjectType, UUID subjectId, String currentState, Collection<String> settledKinds,
			Instant at) {
		return jdbc.sql("""
				UPDATE notification.inbox_message SET done_at = :at, read_at = coalesce(read_at, :at)
				 WHERE subject_type = :type AND subject_id = :id AND done_at IS NULL
				   AND (subject_state IS DISTINCT FROM :state OR kind = ANY (CAST(:kinds AS text[])))""")
			.param("at", Timestamp.from(at))
			.param("type", subjectType)
			.param("id", subjectId)
			.param("state", currentState, java.sql.Types.VARCHAR)
			.param("kinds", array(List.copyOf(settledKinds)))
			.update();
	}

	// --- the outbox ---------------------------------------------------------------------------------------------

	/**
	 * Claims up to {@code limit} due rows of the given channels in one statement, which commits on its own: each row
	 * counts one more attempt and is pushed one lease ahead, so that no other dispatcher takes it while this one
	 * delivers, and it falls due again by itself if this one dies. Rows another dispatcher is claiming at this very
	 * moment are skipped, not waited for (SKIP LOCKED); PostgreSQL re-checks the due time of a row whose claim has
	 * just committed, so a row is never claimed twice within one lease.
	 */
	public List<OutboxMessage> claim(Collection<String> channels, Instant now, Instant leaseUntil, int limit) {
		return jdbc.sql("""
				WITH due AS (
				    SELECT id FROM notification.outbox
				     WHERE delivered_at IS NULL AND next_attempt_at <= :now AND channel = ANY (CAST(:channels AS text[]))
				     ORDER BY next_attempt_at
				     LIMIT :limit
				       FOR UPDATE SKIP LOCKED),
				claimed AS (
				    UPDATE notification.outbox o
				       SET attempts = o.attempts + 1, claimed_at = :now, next_attempt_at = :leaseUntil
				      FROM due WHERE o.id = due.id
				    RETURNING o.id, o.message_id, o.channel, o.attempts)
				SELECT c.id, c.message_id, c.channel, c.attempts, m.recipient_id, m.kind, m.title, m.body, m.link,
				       m.created_at
				  FROM claimed c JOIN notification.inbox_message m ON m.id = c.message_id
				 ORDER BY m.created_at, c.id""")
			.param("now", Timestamp.from(now))
			.param("leaseUntil", Timestamp.from(leaseUntil))
			.param("channels", array(List.copyOf(channels)))
			.param("limit", limit)
			.query((rs, i) -> new OutboxMessage(rs.getObject("id", UUID.class),
					rs.getObject("message_id", UUID.class), rs.getString("channel"), rs.getInt("attempts"),
					rs.getObject("recipient_id", UUID.class), rs.getString("kind"), rs.getString("title"),
					rs.getString("body"), rs.getString("link"), rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	/** Copies not yet delivered, due or waiting for their next attempt (runs on the due index). */
	public long undelivered() {
		return jdbc.sql("SELECT count(*) FROM notification.outbox WHERE delivered_at IS NULL").query(Long.class).single();
	}

	/** Marks the rows of a batch delivered, in one statement (one per message made a burst of reports cost twice). */
	public void delivered(List<UUID> outboxIds, Instant at) {
		if (outboxIds.isEmpty()) {
			return;
		}
		jdbc.sql("UPDATE notification.outbox SET delivered_at = :at WHERE id = ANY(:ids) AND delivered_at IS NULL")
			.param("at", Timestamp.from(at))
			.param("ids", outboxIds.toArray(UUID[]::new))
			.update();
	}

	/**
	 * Gives back the lease of rows a stopping dispatcher claimed and did not attempt: each is due at {@code now} again
	 * and its claim's attempt is not counted. A row claimed again since (its lease ran out meanwhile: another attempt
	 * count) or delivered is left to whoever holds it now. Answers how many went back.
	 *
	 * @param claims each row with the attempt count its claim gave it
	 */
	public int release(Map<UUID, Integer> claims, Instant now) {
		if (claims.isEmpty()) {
			return 0;
		}
		List<UUID> ids = List.copyOf(claims.keySet());
		return jdbc.sql("""
				UPDATE notification.outbox o SET attempts = o.attempts - 1, next_attempt_at = :now
				  FROM unnest(CAST(:ids AS uuid[]), CAST(:attempts AS int[])) AS c(id, attempts)
				 WHERE o.id = c.id AND o.attempts = c.attempts AND o.delivered_at IS NULL""")
			.param("now", Timestamp.from(now))
			.param("ids", array(ids))
			.param("attempts", ids.stream().map(claims::get).map(String::valueOf)
				.collect(Collectors.joining(",", "{", "}")))
			.update();
	}

	/**
	 * Records a failed attempt and when to try again — unless the row has been claimed again since (its lease ran out
	 * while this attempt hung), in which case the newer claim decides.
	 */
	public void failed(UUID outboxId, int attempts, Instant nextAttemptAt, String error) {
		jdbc.sql("""
				UPDATE notification.outbox SET next_attempt_at = :next, last_error = :error
				 WHERE id = :id AND attempts = :attempts AND delivered_at IS NULL""")
			.param("next", Timestamp.from(nextAttemptAt))
			.param("error", error)
			.param("id", outboxId)
			.param("attempts", attempts)
			.update();
	}

	/**
	 * Deletes up to {@code limit} outbox rows delivered before {@code cutoff}, in one statement that commits on its
	 * own; answers how many went. Undelivered rows are never touched, however old, and the inbox messages stay.
	 */
	public int deleteDeliveredBefore(Instant cutoff, int limit) {
		return jdbc.sql("""
				DELETE FROM notification.outbox
				 WHERE id IN (SELECT id FROM notification.outbox
				               WHERE delivered_at < :cutoff
				               LIMIT :limit)""")
			.param("cutoff", Timestamp.from(cutoff))
			.param("limit", limit)
			.update();
	}

	private static InboxMessage message(ResultSet rs, int row) throws SQLException {
		Timestamp read = rs.getTimestamp("read_at");
		Timestamp done = rs.getTimestamp("done_at");
		return new InboxMessage(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("title"),
				rs.getString("body"), rs.getString("link"), rs.getTimestamp("created_at").toInstant(),
				read == null ? null : read.toInstant(), done == null ? null : done.toInstant());
	}

	/**
	 * A PostgreSQL array literal of UUIDs or channel names, cast in the SQL. Neither can hold a quote, comma or brace
	 * (ids are UUIDs, channel names are checked against {@code [a-z0-9-]}), so quoting each element is all it takes.
	 */
	private static String array(List<?> values) {
		return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(",", "{", "}"));
	}
}
