package org.zhizhi.citylink.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.citylink.CitylinkViews.SubscriberView;
import org.zhizhi.citylink.OrderSource;
import org.zhizhi.citylink.SubscriberState;
import org.zhizhi.shared.DataScope;

/** The SQL of subscribers. Every read binds the caller's scope; one outside it is not found. */
@Repository
public class JdbcSubscribers {

	private static final String COLUMNS = """
			s.id, s.name, s.url, s.kinds, s.source, s.state, s.created_at, s.secret_rotated_at, s.version,
			(SELECT count(*) FROM citylink.delivery d WHERE d.subscriber_id = s.id AND d.state = 'PENDING') AS pending,
			(SELECT count(*) FROM citylink.delivery d WHERE d.subscriber_id = s.id AND d.state = 'DELIVERED') AS delivered,
			(SELECT count(*) FROM citylink.delivery d WHERE d.subscriber_id = s.id AND d.state = 'FAILED') AS failed
			""";

	private final JdbcClient jdbc;

	JdbcSubscribers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A new subscriber to insert; its secret is already sealed. */
	public record NewSubscriber(UUID id, UUID districtId, String scopePath, String name, String url, List<String> kinds,
			OrderSource source, byte[] sealedSecret, UUID createdBy, Instant at) {
	}

	public void insert(NewSubscriber s) {
		jdbc.sql("""
				INSERT INTO citylink.subscriber (id, district_id, scope_path, name, url, kinds, source, secret, state,
				                                 created_by, created_at, secret_rotated_at)
				VALUES (:id, :district, :scope, :name, :url, CAST(:kinds AS text[]), :source, :secret, 'ACTIVE',
				        :by, :at, :at)""")
			.param("id", s.id())
			.param("district", s.districtId())
			.param("scope", s.scopePath())
			.param("name", s.name())
			.param("url", s.url())
			.param("kinds", s.kinds().toArray(String[]::new))
			.param("source", s.source() == null ? null : s.source().name(), java.sql.Types.VARCHAR)
			.param("secret", s.sealedSecret())
			.param("by", s.createdBy())
			.param("at", Timestamp.from(s.at()))
			.update();
	}

	public List<SubscriberView> list(DataScope scope) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM citylink.subscriber s WHERE s.scope_path LIKE :scope ORDER BY s.created_at DESC, s.id""")
			.param("scope", scope.likePattern())
			.query(JdbcSubscribers::view)
			.list();
	}

	public Optional<SubscriberView> find(DataScope scope, UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM citylink.subscriber s WHERE s.id = :id AND s.scope_path LIKE :scope")
			.param("id", id)
			.param("scope", scope.likePattern())
			.query(JdbcSubscribers::view)
			.optional();
	}

	/**
	 * The versioned save of a step: the new state and, when rotated, the new sealed secret. False when someone saved
	 * the subscriber since it was read.
	 */
	public boolean save(UUID id, int version, SubscriberState state, byte[] sealedSecret, Instant rotatedAt,
			Instant now) {
		return jdbc.sql("""
				UPDATE citylink.subscriber
				   SET state = :state, version = version + 1,
				       secret = coalesce(:secret, secret), secret_rotated_at = coalesce(:rotated, secret_rotated_at),
				       retired_at = CASE WHEN :state = 'RETIRED' THEN coalesce(retired_at, :now) END
				 WHERE id = :id AND version = :version""")
			.param("state", state.name())
			.param("now", Timestamp.from(now))
			.param("secret", sealedSecret, java.sql.Types.BINARY)
			.param("rotated", rotatedAt == null ? null : Timestamp.from(rotatedAt))
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	/** The sealed secret of a subscriber (for the workers, who act for nobody: no scope). */
	public byte[] sealedSecret(UUID id) {
		return jdbc.sql("SELECT secret FROM citylink.subscriber WHERE id = :id")
			.param("id", id)
			.query(byte[].class)
			.single();
	}

	/** Rows whose secret is not under the given key prefix yet (the key rotation's batches). */
	public record SealedSecret(UUID id, byte[] secret) {
	}

	public long count() {
		return jdbc.sql("SELECT count(*) FROM citylink.subscriber").query(Long.class).single();
	}

	public long countUnder(byte[] prefix) {
		return jdbc.sql("SELECT count(*) FROM citylink.subscriber WHERE substring(secret FROM 1 FOR 5) = :p")
			.param("p", prefix)
			.query(Long.class)
			.single();
	}

	public List<SealedSecret> notUnder(byte[] prefix, int limit) {
		return jdbc.sql("""
				SELECT id, secret FROM citylink.subscriber WHERE substring(secret FROM 1 FOR 5) <> :p
				 ORDER BY id LIMIT :n FOR UPDATE SKIP LOCKED""")
			.param("p", prefix)
			.param("n", limit)
			.query((rs, n) -> new SealedSecret(rs.getObject(1, UUID.class), rs.getBytes(2)))
			.list();
	}

	public void reseal(UUID id, byte[] secret) {
		jdbc.sql("UPDATE citylink.subscriber SET secret = :s WHERE id = :id").param("s", secret).param("id", id).update();
	}

	static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

	private static SubscriberView view(ResultSet rs, int row) throws SQLException {
		String source = rs.getString("source");
		return new SubscriberView(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("url"),
				List.copyOf(strings(rs.getArray("kinds"))), source == null ? null : OrderSource.valueOf(source),
				SubscriberState.valueOf(rs.getString("state")), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("secret_rotated_at").toInstant(), rs.getInt("version"), rs.getLong("pending"),
				rs.getLong("delivered"), rs.getLong("failed"));
	}
}
