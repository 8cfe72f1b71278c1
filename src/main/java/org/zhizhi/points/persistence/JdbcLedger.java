package org.zhizhi.points.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.points.AccountKind;
import org.zhizhi.points.MovementKind;
import org.zhizhi.points.NewMovement;
import org.zhizhi.points.PointsAccount;
import org.zhizhi.points.Posting;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;

/**
 * The ledger: accounts and their movements. A movement is written once per source (its unique key decides between
 * two deliveries of the same event or two presses of one button), its entries with it, and every balance it touches
 * in the same transaction — in the order of the accounts' ids, so two movements never wait on each other's rows
 * crosswise. Nobody but the pool goes below zero: the balance update itself refuses, and the step is undone.
 */
@Repository
public class JdbcLedger {

	private static final String ACCOUNT_COLUMNS = """
			id, scheme_id, kind, holder_id, holder_name, scope_path, district_id, balance, earned, opened_at""";

	private final JdbcClient jdbc;

	JdbcLedger(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The account of a holder in a scheme, opened on first use (two first uses at once open it once). */
	public PointsAccount account(UUID schemeId, AccountKind kind, UUID holderId, String holderName, String scopePath,
			UUID districtId, Instant at) {
		jdbc.sql("""
				INSERT INTO points.account (id, scheme_id, kind, holder_id, holder_name, scope_path, district_id,
				                            opened_at)
				VALUES (:id, :scheme, :kind, :holder, :name, :scope, :district, :at) ON CONFLICT DO NOTHING""")
			.param("id", UUID.randomUUID())
			.param("scheme", schemeId)
			.param("kind", kind.name())
			.param("holder", holderId)
			.param("name", holderName)
			.param("scope", scopePath)
			.param("district", districtId)
			.param("at", Timestamp.from(at))
			.update();
		return find(schemeId, kind, holderId).orElseThrow();
	}

	public Optional<PointsAccount> find(UUID schemeId, AccountKind kind, UUID holderId) {
		return jdbc.sql("SELECT " + ACCOUNT_COLUMNS + " FROM points.account WHERE scheme_id = :scheme AND kind = :kind"
				+ (holderId == null ? " AND holder_id IS NULL" : " AND holder_id = :holder"))
			.param("scheme", schemeId)
			.param("kind", kind.name())
			.params(holderId == null ? java.util.Map.of() : java.util.Map.of("holder", holderId))
			.query(JdbcLedger::account)
			.optional();
	}

	public Optional<PointsAccount> account(DataScope scope, UUID id) {
		return jdbc.sql("SELECT " + ACCOUNT_COLUMNS + " FROM points.account WHERE id = :id AND scope_path LIKE :scope")
			.param("id", id)
			.param("scope", scope.likePattern())
			.query(JdbcLedger::account)
			.optional();
	}

	/** An account by its id alone: for the ledger's own steps, which check the scope of whoever asked themselves. */
	public Optional<PointsAccount> accountById(UUID id) {
		return jdbc.sql("SELECT " + ACCOUNT_COLUMNS + " FROM points.account WHERE id = :id")
			.param("id", id)
			.query(JdbcLedger::account)
			.optional();
	}

	/** A person's accounts in every scheme. */
	public List<PointsAccount> accountsOf(UUID holderId) {
		return jdbc.sql("SELECT " + ACCOUNT_COLUMNS + " FROM points.account WHERE holder_id = :holder AND kind = 'PERSON'"
				+ " ORDER BY opened_at")
			.param("holder", holderId)
			.query(JdbcLedger::account)
			.list();
	}

	/** Locks an account's row until the transaction ends: counting against a cap, holding for a redemption. */
	public void lock(UUID accountId) {
		jdbc.sql("SELECT id FROM points.account WHERE id = :id FOR UPDATE").param("id", accountId).query(UUID.class)
			.single();
	}

	/**
	 * Writes the movement with its entries and balances; false if its source was written already (nothing changes).
	 * A balance that would go below zero refuses the step: {@code INSUFFICIENT_POINTS}.
	 */
	public boolean post(NewMovement movement) {
		int inserted = jdbc.sql("""
				INSERT INTO points.movement (id, scheme_id, kind, source_key, rule_id, reason, reverses, expires_on,
				                             by_account, by_name, at, district_id)
				VALUES (:id, :scheme, :kind, :source, :rule, :reason, :reverses, :expires, :by, :byName, :at, :district)
				ON CONFLICT (source_key) DO NOTHING""")
			.param("id", movement.id())
			.param("scheme", movement.schemeId())
			.param("kind", movement.kind().name())
			.param("source", movement.sourceKey())
			.param("rule", movement.ruleId())
			.param("reason", movement.reason())
			.param("reverses", movement.reverses())
			.param("expires", movement.expiresOn())
			.param("by", movement.by())
			.param("byName", movement.byName())
			.param("at", Timestamp.from(movement.at()))
			.param("district", movement.districtId())
			.update();
		if (inserted == 0) {
			return false;
		}
		Timestamp at = Timestamp.from(movement.at());
		for (Posting posting : movement.postings()
			.stream()
			.sorted(Comparator.comparing(Posting::accountId))
			.toList()) {
			jdbc.sql("INSERT INTO points.entry (movement_id, account_id, amount, at) VALUES (:m, :a, :amount, :at)")
				.param("m", movement.id())
				.param("a", posting.accountId())
				.param("amount", posting.amount())
				.param("at", at)
				.update();
			boolean earning = movement.kind() == MovementKind.EARN && posting.amount() > 0;
			int updated = jdbc.sql("""
					UPDATE points.account SET balance = balance + :amount, earned = earned + :earned
					 WHERE id = :id AND (kind = 'POOL' OR balance + :amount >= 0)""")
				.param("amount", posting.amount())
				.param("earned", earning ? posting.amount() : 0)
				.param("id", posting.accountId())
				.update();
			if (updated == 0) {
				throw new DomainException(Category.CONFLICT, "INSUFFICIENT_POINTS", "points.insufficient");
			}
		}
		return true;
	}

	/** One line of an account's statement. */
	public record Line(UUID movementId, MovementKind kind, String reason, long amount, Instant at, UUID ruleId,
			java.time.LocalDate expiresOn, UUID reverses, String byName) {
	}

	/** An account's entries, newest first. */
	public List<Line> statement(UUID accountId, int limit) {
		return jdbc.sql("""
				SELECT m.id, m.kind, m.reason, e.amount, e.at, m.rule_id, m.expires_on, m.reverses, m.by_name
				  FROM points.entry e JOIN points.movement m ON m.id = e.movement_id
				 WHERE e.account_id = :account ORDER BY e.at DESC, m.id DESC LIMIT :limit""")
			.param("account", accountId)
			.param("limit", limit)
			.query((rs, n) -> new Line(rs.getObject(1, UUID.class), MovementKind.valueOf(rs.getString(2)),
					rs.getString(3), rs.getLong(4), rs.getTimestamp(5).toInstant(), rs.getObject(6, UUID.class),
					rs.getObject(7, java.time.LocalDate.class), rs.getObject(8, UUID.class), rs.getString(9)))
			.list();
	}

	/** A movement as written, with its entries. */
	public record Written(UUID id, UUID schemeId, MovementKind kind, String sourceKey, String reason, Instant at,
			UUID districtId, List<Posting> postings) {
	}

	public Optional<Written> movement(UUID id) {
		List<Posting> postings = jdbc.sql("SELECT account_id, amount FROM points.entry WHERE movement_id = :id")
			.param("id", id)
			.query((rs, n) -> new Posting(rs.getObject(1, UUID.class), rs.getLong(2)))
			.list();
		return jdbc.sql("""
				SELECT id, scheme_id, kind, source_key, reason, at, district_id FROM points.movement WHERE id = :id""")
			.param("id", id)
			.query((rs, n) -> new Written(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					MovementKind.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5),
					rs.getTimestamp(6).toInstant(), rs.getObject(7, UUID.class), postings))
			.optional();
	}

	public Optional<UUID> movementOf(String sourceKey) {
		return jdbc.sql("SELECT id FROM points.movement WHERE source_key = :key")
			.param("key", sourceKey)
			.query(UUID.class)
			.optional();
	}

	/**
	 * The points an account earned under every version of a rule between two instants, less what of them was
	 * reversed: what the caps count.
	 */
	public long earnedUnder(UUID accountId, UUID schemeId, String ruleCode, Instant from, Instant until) {
		return jdbc.sql("""
				SELECT coalesce(sum(e.amount), 0)
				  FROM points.entry e
				  JOIN points.movement m ON m.id = e.movement_id
				  LEFT JOIN points.movement r ON r.reverses = m.id
				  JOIN points.rule u ON u.id = m.rule_id
				 WHERE e.account_id = :account AND m.kind = 'EARN' AND r.id IS NULL
				   AND u.scheme_id = :scheme AND u.code = :code AND m.at >= :from AND m.at < :until""")
			.param("account", accountId)
			.param("scheme", schemeId)
			.param("code", ruleCode)
			.param("from", Timestamp.from(from))
			.param("until", Timestamp.from(until))
			.query(Long.class)
			.single();
	}

	/**
	 * What the movements of one deed paid an account under a rule (every version of its code), net of what was taken
	 * back or reversed since: the movements whose source keys begin with {@code keyPrefix} (an activity's hours and
	 * their corrections), and the reversals of them.
	 */
	public long paidUnder(UUID accountId, String ruleCode, String keyPrefix) {
		return jdbc.sql("""
				SELECT coalesce(sum(e.amount), 0)
				  FROM points.entry e
				  JOIN points.movement m ON m.id = e.movement_id
				  LEFT JOIN points.movement p ON p.id = m.reverses
				  JOIN points.rule u ON u.id = coalesce(m.rule_id, p.rule_id)
				 WHERE e.account_id = :account AND u.code = :code
				   AND starts_with(coalesce(p.source_key, m.source_key), :prefix)""")
			.param("account", accountId)
			.param("code", ruleCode)
			.param("prefix", keyPrefix)
			.query(Long.class)
			.single();
	}

	/** An account whose cached balance or earned total is not what its entries say. */
	public record Mismatch(UUID accountId, long balance, long entries, long earned, long earnedEntries) {
	}

	/** Every account of the scheme whose cache disagrees with its entries: none, when the ledger is sound. */
	public List<Mismatch> mismatches(UUID schemeId) {
		return jdbc.sql("""
				SELECT a.id, a.balance, coalesce(s.total, 0), a.earned, coalesce(s.earned, 0)
				  FROM points.account a
				  LEFT JOIN (SELECT e.account_id, sum(e.amount) AS total,
				                    sum(CASE WHEN m.kind = 'EARN' AND e.amount > 0 THEN e.amount ELSE 0 END) AS earned
				               FROM points.entry e JOIN points.movement m ON m.id = e.movement_id
				              GROUP BY e.account_id) s ON s.account_id = a.id
				 WHERE a.scheme_id = :scheme
				   AND (a.balance <> coalesce(s.total, 0) OR a.earned <> coalesce(s.earned, 0))""")
			.param("scheme", schemeId)
			.query((rs, n) -> new Mismatch(rs.getObject(1, UUID.class), rs.getLong(2), rs.getLong(3), rs.getLong(4),
					rs.getLong(5)))
			.list();
	}

	/** The sum of all the scheme's entries: zero, when every movement summed to zero. */
	public long sumOfEntries(UUID schemeId) {
		return jdbc.sql("""
				SELECT coalesce(sum(e.amount), 0) FROM points.entry e JOIN points.movement m ON m.id = e.movement_id
				 WHERE m.scheme_id = :scheme""")
			.param("scheme", schemeId)
			.query(Long.class)
			.single();
	}

	/** People of the scheme within the scope, by points earned, then by who got there first. */
	public List<PointsAccount> ranking(UUID schemeId, DataScope scope, int limit) {
		return jdbc.sql("SELECT " + ACCOUNT_COLUMNS + " " + """
				FROM points.account WHERE scheme_id = :scheme AND kind = 'PERSON' AND scope_path LIKE :scope
				 ORDER BY earned DESC, id LIMIT :limit""")
			.param("scheme", schemeId)
			.param("scope", scope.likePattern())
			.param("limit", limit)
			.query(JdbcLedger::account)
			.list();
	}

	/** Some people's accounts in the scheme, ranked as {@link #ranking(UUID, DataScope, int)} ranks: a branch's board. */
	public List<PointsAccount> ranking(UUID schemeId, java.util.Collection<UUID> holders, int limit) {
		if (holders.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT " + ACCOUNT_COLUMNS + " " + """
				FROM points.account WHERE scheme_id = :scheme AND kind = 'PERSON' AND holder_id IN (:holders)
				 ORDER BY earned DESC, id LIMIT :limit""")
			.param("scheme", schemeId)
			.param("holders", holders)
			.param("limit", limit)
			.query(JdbcLedger::account)
			.list();
	}

	/**
	 * What of an account's earnings lapsed by {@code day} and was neither spent nor lapsed before: spending takes the
	 * oldest points first, so it is the earnings due by then less everything that left the account for good since it
	 * opened (points held and released again, or a debit reversed, came back). A reversed earning counts as spent
	 * points, the oldest first, like any other debit.
	 */
	public long lapsing(UUID accountId, java.time.LocalDate day) {
		return jdbc.sql("""
				SELECT greatest(0,
				       coalesce(sum(e.amount) FILTER (WHERE m.kind = 'EARN' AND e.amount > 0 AND m.expires_on <= :day), 0)
				     + coalesce(sum(e.amount) FILTER (WHERE e.amount < 0), 0)
				     + coalesce(sum(e.amount) FILTER (WHERE e.amount > 0 AND m.kind IN ('RELEASE', 'REVERSAL')), 0))
				  FROM points.entry e JOIN points.movement m ON m.id = e.movement_id
				 WHERE e.account_id = :account""")
			.param("account", accountId)
			.param("day", day)
			.query(Long.class)
			.single();
	}

	/** Accounts holding earnings that lapse by the day, of schemes that let points lapse. */
	public List<UUID> accountsWithLapsingPoints(java.time.LocalDate day, int limit) {
		return jdbc.sql("""
				SELECT DISTINCT e.account_id FROM points.entry e JOIN points.movement m ON m.id = e.movement_id
				 JOIN points.account a ON a.id = e.account_id
				 WHERE m.kind = 'EARN' AND m.expires_on <= :day AND a.kind = 'PERSON' AND a.balance > 0
				 LIMIT :limit""")
			.param("day", day)
			.param("limit", limit)
			.query(UUID.class)
			.list();
	}

	static PointsAccount account(ResultSet rs, int row) throws SQLException {
		return new PointsAccount(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
				AccountKind.valueOf(rs.getString(3)), rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6),
				rs.getObject(7, UUID.class), rs.getLong(8), rs.getLong(9), rs.getTimestamp(10).toInstant());
	}
}
