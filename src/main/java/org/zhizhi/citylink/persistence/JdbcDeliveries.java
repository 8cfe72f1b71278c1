package org.zhizhi.citylink.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.citylink.CitylinkViews.AttemptView;
import org.zhizhi.citylink.CitylinkViews.DeliveryView;
import org.zhizhi.citylink.Delivery;
import org.zhizhi.citylink.DeliveryState;
import org.zhizhi.shared.DataScope;

/**
 * The SQL of the feed: its events, their deliveries and every attempt. The workers' statements (claim, record) act for
 * nobody and name rows by id; every read for a person binds his scope.
 */
@Repository
public class JdbcDeliveries {

	private static final String DELIVERY_COLUMNS = """
			d.id, d.event_id, e.kind, e.subject_id, e.external_id, d.subscriber_id, s.name AS subscriber_name, d.state,
			d.attempts, d.next_attempt_at, d.delivered_at, d.last_status, d.last_error, d.created_at, e.occurred_at,
			d.version
			  FROM citylink.delivery d
			  JOIN citylink.feed_event e ON e.id = d.event_id
			  JOIN citylink.subscriber s ON s.id = d.subscriber_id
			""";

	private final JdbcClient jdbc;

	JdbcDeliveries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A feed event as it is written: its body is final, every attempt to every subscriber sends these bytes. */
	public record EventRow(UUID id, String kind, UUID districtId, String scopePath, UUID subjectId, String source,
			String externalId, Instant occurredAt, String payload) {
	}

	/** Writes the event unless it is there already; answers whether it was new. */
	public boolean insertEvent(EventRow e, Instant now) {
		return jdbc.sql("""
				INSERT INTO citylink.feed_event (id, kind, district_id, scope_path, subject_id, source, external_id,
				                                 occurred_at, recorded_at, payload)
				VALUES (:id, :kind, :district, :scope, :subject, :source, :external, :occurred, :now, :payload)
				ON CONFLICT (id) DO NOTHING""")
			.param("id", e.id())
			.param("kind", e.kind())
			.param("district", e.districtId())
			.param("scope", e.scopePath())
			.param("subject", e.subjectId())
			.param("source", e.source(), Types.VARCHAR)
			.param("external", e.externalId(), Types.VARCHAR)
			.param("occurred", Timestamp.from(e.occurredAt()))
			.param("now", Timestamp.from(now))
			.param("payload", e.payload())
			.update() == 1;
	}

	/**
	 * The subscribers an event goes to: those whose node covers the event's, whose patterns take its kind, and — for a
	 * callback subscriber — whose source the event's order came from. Paused ones too: their deliveries wait; retired
	 * ones never.
	 */
	public List<UUID> subscribersOf(UUID eventId) {
		return jdbc.sql("""
				SELECT s.id FROM citylink.feed_event e
				  JOIN citylink.subscriber s ON starts_with(e.scope_path, s.scope_path)
				 WHERE e.id = :event AND s.state <> 'RETIRED'
				   AND (s.source IS NULL OR s.source = e.source)
				   AND EXISTS (SELECT 1 FROM unnest(s.kinds) k
				                WHERE k = e.kind OR (right(k, 2) = '.*' AND starts_with(e.kind, left(k, -1))))
				 ORDER BY s.id""")
			.param("event", eventId)
			.query(UUID.class)
			.list();
	}

	/** One pending delivery per subscriber, due at once; a pair delivered before is left as it is. */
	public void insertDeliveries(UUID eventId, List<UUID> ids, List<UUID> subscriberIds, Instant now) {
		if (ids.isEmpty()) {
			return;
		}
		jdbc.sql("""
				INSERT INTO citylink.delivery (id, event_id, subscriber_id, district_id, scope_path, state,
				                               next_attempt_at, created_at)
				SELECT n.id, :event, s.id, s.district_id, s.scope_path, 'PENDING', :now, :now
				  FROM unnest(CAST(:ids AS uuid[]), CAST(:subscribers AS uuid[])) AS n (id, subscriber_id)
				  JOIN citylink.subscriber s ON s.id = n.subscriber_id
				ON CONFLICT (event_id, subscriber_id) DO NOTHING""")
			.param("event", eventId)
			.param("ids", ids.toArray(UUID[]::new))
			.param("subscribers", subscriberIds.toArray(UUID[]::new))
			.param("now", Timestamp.from(now))
			.update();
	}

	/** A delivery a worker holds: where to, with which sealed secret, what to send, and the version its claim made. */
	public record Claimed(UUID id, UUID eventId, UUID subscriberId, int attempts, int version, String url,
			byte[] sealedSecret, String kind, String payload) {
	}

	/**
	 * Claims up to {@code limit} due deliveries of active subscribers in one statement that commits on its own: each
	 * counts one more attempt, gets a new version and is pushed one lease ahead, so no other worker (thread or node)
	 * takes it while this one sends, and it falls due again by itself should this one die. Rows being claimed by
	 * another at this moment are skipped, not waited for.
	 */
	public List<Claimed> claim(Instant now, Instant leaseUntil, int limit) {
		return jdbc.sql("""
				WITH due AS (
				    SELECT d.id FROM citylink.delivery d JOIN citylink.subscriber s ON s.id = d.subscriber_id
				     WHERE d.state = 'PENDING' AND d.next_attempt_at <= :now AND s.state = 'ACTIVE'
				     ORDER BY d.next_attempt_at
				     LIMIT :limit
				       FOR UPDATE OF d SKIP LOCKED),
				claimed AS (
				    UPDATE citylink.delivery d
				       SET attempts = d.attempts + 1, version = d.version + 1, claimed_at = :now,
				           next_attempt_at = :leaseUntil
				      FROM due WHERE d.id = due.id
				    RETURNING d.id, d.event_id, d.subscriber_id, d.attempts, d.version)
				SELECT c.id, c.event_id, c.subscriber_id, c.attempts, c.version, s.url, s.secret, e.kind, e.payload
				  FROM claimed c
				  JOIN citylink.subscriber s ON s.id = c.subscriber_id
				  JOIN citylink.feed_event e ON e.id = c.event_id
				 ORDER BY e.occurred_at, c.id""")
			.param("now", Timestamp.from(now))
			.param("leaseUntil", Timestamp.from(leaseUntil))
			.param("limit", limit)
			.query((rs, n) -> new Claimed(rs.getObject("id", UUID.class), rs.getObject("event_id", UUID.class),
					rs.getObject("subscriber_id", UUID.class), rs.getInt("attempts"), rs.getInt("version"),
					rs.getString("url"), rs.getBytes("secret"), rs.getString("kind"), rs.getString("payload")))
			.list();
	}

	/** What one attempt came to, as the worker records it. */
	public record AttemptResult(UUID attemptId, Integer statusCode, int latencyMs, String error,
			Delivery.Outcome outcome) {
	}

	/**
	 * Logs the attempt and moves the delivery — in one statement, so that neither is written without the other. The
	 * delivery moves only if it is still the version the claim made: a worker whose lease ran out while it sent (and
	 * whose row another has claimed since, or an admin resent) logs its attempt and changes nothing else. Answers
	 * whether the delivery moved.
	 */
	public boolean record(Claimed claimed, AttemptResult result, Instant now) {
		Delivery.Outcome outcome = result.outcome();
		return jdbc.sql("""
				WITH moved AS (
				    UPDATE citylink.delivery
				       SET state = :state, next_attempt_at = :next, version = version + 1,
				           delivered_at = CASE WHEN :state = 'DELIVERED' THEN :now ELSE delivered_at END,
				           last_status = :status, last_error = :error
				     WHERE id = :id AND version = :version AND state = 'PENDING'
				    RETURNING id),
				logged AS (
				    INSERT INTO citylink.delivery_attempt (id, delivery_id, attempt, attempted_at, status_code, latency_ms,
				                                           error, outcome)
				    VALUES (:attempt, :id, :attempts, :now, :status, :latency, :error, :logged))
				SELECT count(*) FROM moved""")
			.param("state", outcome.state().name())
			.param("next", outcome.nextAttemptAt() == null ? null : Timestamp.from(outcome.nextAttemptAt()))
			.param("now", Timestamp.from(now))
			.param("status", result.statusCode(), Types.INTEGER)
			.param("error", result.error(), Types.VARCHAR)
			.param("id", claimed.id())
			.param("version", claimed.version())
			.param("attempt", result.attemptId())
			.param("attempts", claimed.attempts())
			.param("latency", result.latencyMs())
			.param("logged", switch (outcome.action()) {
				case DELIVER -> "DELIVERED";
				case GIVE_UP -> "FAILED";
				default -> "RETRY";
			})
			.query(Long.class)
			.single() == 1;
	}

	/** The delivery log of the scope, newest first; of one subscriber and in one state when they are given. */
	public List<DeliveryView> list(DataScope scope, UUID subscriberId, DeliveryState state, int limit, int offset) {
		return jdbc.sql("SELECT " + DELIVERY_COLUMNS + """
				 WHERE d.scope_path LIKE :scope
				   AND (CAST(:subscriber AS uuid) IS NULL OR d.subscriber_id = :subscriber)
				   AND (CAST(:state AS text) IS NULL OR d.state = :state)
				 ORDER BY d.created_at DESC, d.id DESC
				 LIMIT :limit OFFSET :offset""")
			.param("scope", scope.likePattern())
			.param("subscriber", subscriberId, Types.OTHER)
			.param("state", state == null ? null : state.name(), Types.VARCHAR)
			.param("limit", limit)
			.param("offset", offset)
			.query(JdbcDeliveries::view)
			.list();
	}

	public Optional<DeliveryView> find(DataScope scope, UUID id) {
		return jdbc.sql("SELECT " + DELIVERY_COLUMNS + " WHERE d.id = :id AND d.scope_path LIKE :scope")
			.param("id", id)
			.param("scope", scope.likePattern())
			.query(JdbcDeliveries::view)
			.optional();
	}

	public List<AttemptView> attempts(UUID deliveryId) {
		return jdbc.sql("""
				SELECT attempt, attempted_at, status_code, latency_ms, error, outcome FROM citylink.delivery_attempt
				 WHERE delivery_id = :id ORDER BY attempted_at, id""")
			.param("id", deliveryId)
			.query((rs, n) -> new AttemptView(rs.getInt(1), rs.getTimestamp(2).toInstant(),
					(Integer) rs.getObject(3), rs.getInt(4), rs.getString(5), rs.getString(6)))
			.list();
	}

	public String payload(UUID eventId) {
		return jdbc.sql("SELECT payload FROM citylink.feed_event WHERE id = :id")
			.param("id", eventId)
			.query(String.class)
			.single();
	}

	/** The versioned save of a resend: due at once, its attempts counted from the start again. */
	public boolean resend(UUID id, int version, Instant now) {
		return jdbc.sql("""
				UPDATE citylink.delivery
				   SET state = 'PENDING', attempts = 0, next_attempt_at = :now, version = version + 1
				 WHERE id = :id AND version = :version""")
			.param("now", Timestamp.from(now))
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	private static DeliveryView view(ResultSet rs, int row) throws SQLException {
		Timestamp next = rs.getTimestamp("next_attempt_at");
		Timestamp delivered = rs.getTimestamp("delivered_at");
		return new DeliveryView(rs.getObject("id", UUID.class), rs.getObject("event_id", UUID.class),
				rs.getString("kind"), rs.getObject("subject_id", UUID.class), rs.getString("external_id"),
				rs.getObject("subscriber_id", UUID.class), rs.getString("subscriber_name"),
				DeliveryState.valueOf(rs.getString("state")), rs.getInt("attempts"),
				next == null ? null : next.toInstant(), delivered == null ? null : delivered.toInstant(),
				(Integer) rs.getObject("last_status"), rs.getString("last_error"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("occurred_at").toInstant(),
				rs.getInt("version"));
	}

	/**
	 * Gives up what still waits for a subscriber being retired, in the retiring transaction: each delivery moves as a
	 * worker's last failed attempt would (its version too, so that a worker holding one records nothing over it).
	 */
	public int giveUpPendingOf(UUID subscriberId, String reason) {
		return jdbc.sql("""
				UPDATE citylink.delivery
				   SET state = 'FAILED', next_attempt_at = NULL, last_error = :reason, version = version + 1
				 WHERE subscriber_id = :subscriber AND state = 'PENDING'""")
			.param("subscriber", subscriberId)
			.param("reason", reason)
			.update();
	}

	/**
	 * Settled deliveries (delivered or given up) made before the cutoff, at most {@code limit}, oldest first, locked
	 * so that two sweeps (or an admin's resend) never work on the same row.
	 */
	public List<UUID> settledBefore(Instant cutoff, int limit) {
		return jdbc.sql("""
				SELECT id FROM citylink.delivery
				 WHERE state <> 'PENDING' AND created_at < :cutoff
				 ORDER BY created_at LIMIT :n FOR UPDATE SKIP LOCKED""")
			.param("cutoff", Timestamp.from(cutoff))
			.param("n", limit)
			.query(UUID.class)
			.list();
	}

	/** Removes the deliveries with their attempts; answers how many deliveries went. */
	public int delete(List<UUID> ids) {
		if (ids.isEmpty()) {
			return 0;
		}
		UUID[] array = ids.toArray(UUID[]::new);
		jdbc.sql("DELETE FROM citylink.delivery_attempt WHERE delivery_id = ANY(:ids)").param("ids", array).update();
		return jdbc.sql("DELETE FROM citylink.delivery WHERE id = ANY(:ids)").param("ids", array).update();
	}

	/** Removes events recorded before the cutoff that no delivery names any more, at most {@code limit}. */
	public int deleteUnreferencedEventsBefore(Instant cutoff, int limit) {
		return jdbc.sql("""
				DELETE FROM citylink.feed_event WHERE id IN (
				    SELECT e.id FROM citylink.feed_event e
				     WHERE e.recorded_at < :cutoff
				       AND NOT EXISTS (SELECT 1 FROM citylink.delivery d WHERE d.event_id = e.id)
				     ORDER BY e.recorded_at LIMIT :n)""")
			.param("cutoff", Timestamp.from(cutoff))
			.param("n", limit)
			.update();
	}
}
