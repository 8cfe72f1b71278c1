package org.zhizhi.points.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.points.Redemption;
import org.zhizhi.points.RedemptionState;
import org.zhizhi.points.Reward;
import org.zhizhi.points.Sponsor;

/**
 * Sponsors, their rewards and the redemptions. The stock is taken by one conditional update (the row count decides
 * who gets the last one), and a redemption is saved against its version.
 */
@Repository
public class JdbcRewards {

	private static final String REWARD_COLUMNS = """
			r.id, r.scheme_id, r.sponsor_id, s.name, r.name, r.description, r.price, r.stock, r.valid_until, r.place,
			r.created_at""";

	private static final String REDEMPTION_COLUMNS = """
			id, scheme_id, reward_id, sponsor_id, holder_id, holder_name, price, code, held_at, hold_movement, state,
			settled_at, settled_by, settle_movement, version""";

	private final JdbcClient jdbc;

	JdbcRewards(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(Sponsor sponsor) {
		jdbc.sql("""
				INSERT INTO points.sponsor (id, scheme_id, name, address, liaison_id, created_at)
				VALUES (:id, :scheme, :name, :address, :liaison, :at)""")
			.param("id", sponsor.id())
			.param("scheme", sponsor.schemeId())
			.param("name", sponsor.name())
			.param("address", sponsor.address())
			.param("liaison", sponsor.liaisonId())
			.param("at", Timestamp.from(sponsor.createdAt()))
			.update();
	}

	public List<Sponsor> sponsors(UUID schemeId) {
		return jdbc.sql("SELECT id, scheme_id, name, address, liaison_id, created_at FROM points.sponsor"
				+ " WHERE scheme_id = :scheme ORDER BY created_at, id")
			.param("scheme", schemeId)
			.query(JdbcRewards::sponsor)
			.list();
	}

	public Optional<Sponsor> sponsor(UUID id) {
		return jdbc.sql("SELECT id, scheme_id, name, address, liaison_id, created_at FROM points.sponsor WHERE id = :id")
			.param("id", id)
			.query(JdbcRewards::sponsor)
			.optional();
	}

	/** The sponsors a liaison confirms redemptions for. */
	public List<Sponsor> sponsorsOf(UUID liaisonId) {
		return jdbc.sql("SELECT id, scheme_id, name, address, liaison_id, created_at FROM points.sponsor"
				+ " WHERE liaison_id = :liaison ORDER BY created_at, id")
			.param("liaison", liaisonId)
			.query(JdbcRewards::sponsor)
			.list();
	}

	public boolean sponsorNamed(UUID schemeId, String name) {
		return jdbc.sql("SELECT count(*) FROM points.sponsor WHERE scheme_id = :scheme AND name = :name")
			.param("scheme", schemeId)
			.param("name", name)
			.query(Long.class)
			.single() > 0;
	}

	public void insert(Reward reward) {
		jdbc.sql("""
				INSERT INTO points.reward (id, scheme_id, sponsor_id, name, description, price, stock, valid_until, place,
				                           created_at)
				VALUES (:id, :scheme, :sponsor, :name, :description, :price, :stock, :until, :place, :at)""")
			.param("id", reward.id())
			.param("scheme", reward.schemeId())
			.param("sponsor", reward.sponsorId())
			.param("name", reward.name())
			.param("description", reward.description())
			.param("price", reward.price())
			.param("stock", reward.stock())
			.param("until", reward.validUntil())
			.param("place", reward.place())
			.param("at", Timestamp.from(reward.createdAt()))
			.update();
	}

	/** The rewards of a scheme still valid on the day, cheapest first. */
	public List<Reward> rewards(UUID schemeId, LocalDate day) {
		return jdbc.sql("SELECT " + REWARD_COLUMNS + " FROM points.reward r JOIN points.sponsor s ON s.id = r.sponsor_id"
				+ " WHERE r.scheme_id = :scheme AND r.valid_until >= :day ORDER BY r.price, r.name, r.id")
			.param("scheme", schemeId)
			.param("day", day)
			.query(JdbcRewards::reward)
			.list();
	}

	public Optional<Reward> reward(UUID id) {
		return jdbc.sql("SELECT " + REWARD_COLUMNS + " FROM points.reward r JOIN points.sponsor s ON s.id = r.sponsor_id"
				+ " WHERE r.id = :id")
			.param("id", id)
			.query(JdbcRewards::reward)
			.optional();
	}

	/** Takes one from the stock if one is left and the reward is valid on the day; false if not. */
	public boolean take(UUID rewardId, LocalDate day) {
		return jdbc.sql("UPDATE points.reward SET stock = stock - 1 WHERE id = :id AND stock > 0"
				+ " AND valid_until >= :day")
			.param("id", rewardId)
			.param("day", day)
			.update() == 1;
	}

	public void giveBack(UUID rewardId) {
		jdbc.sql("UPDATE points.reward SET stock = stock + 1 WHERE id = :id").param("id", rewardId).update();
	}

	public boolean codeHeld(UUID sponsorId, String code) {
		return jdbc.sql("SELECT count(*) FROM points.redemption WHERE sponsor_id = :sponsor AND code = :code"
				+ " AND state = 'HELD'")
			.param("sponsor", sponsorId)
			.param("code", code)
			.query(Long.class)
			.single() > 0;
	}

	public void insert(Redemption r) {
		jdbc.sql("INSERT INTO points.redemption (" + REDEMPTION_COLUMNS + """
				) VALUES (:id, :scheme, :reward, :sponsor, :holder, :holderName, :price, :code, :heldAt, :hold, :state,
				          NULL, NULL, NULL, 0)""")
			.param("id", r.id())
			.param("scheme", r.schemeId())
			.param("reward", r.rewardId())
			.param("sponsor", r.sponsorId())
			.param("holder", r.holderId())
			.param("holderName", r.holderName())
			.param("price", r.price())
			.param("code", r.code())
			.param("heldAt", Timestamp.from(r.heldAt()))
			.param("hold", r.holdMovement())
			.param("state", r.state().name())
			.update();
	}

	/** Saves the settlement against the version read; false if someone settled it meanwhile. */
	public boolean save(Redemption r) {
		return jdbc.sql("""
				UPDATE points.redemption SET state = :state, settled_at = :at, settled_by = :by, settle_movement = :m,
				       version = version + 1
				 WHERE id = :id AND version = :version""")
			.param("state", r.state().name())
			.param("at", r.settledAt() == null ? null : Timestamp.from(r.settledAt()))
			.param("by", r.settledBy())
			.param("m", r.settleMovement())
			.param("id", r.id())
			.param("version", r.version())
			.update() == 1;
	}

	public Optional<Redemption> redemption(UUID id) {
		return jdbc.sql("SELECT " + REDEMPTION_COLUMNS + " FROM points.redemption WHERE id = :id")
			.param("id", id)
			.query(JdbcRewards::redemption)
			.optional();
	}

	public Optional<Redemption> heldByCode(UUID sponsorId, String code) {
		return jdbc.sql("SELECT " + REDEMPTION_COLUMNS + " FROM points.redemption WHERE sponsor_id = :sponsor"
				+ " AND code = :code AND state = 'HELD'")
			.param("sponsor", sponsorId)
			.param("code", code)
			.query(JdbcRewards::redemption)
			.optional();
	}

	public List<Redemption> ofHolder(UUID holderId, int limit) {
		return jdbc.sql("SELECT " + REDEMPTION_COLUMNS + " FROM points.redemption WHERE holder_id = :holder"
				+ " ORDER BY held_at DESC, id DESC LIMIT :limit")
			.param("holder", holderId)
			.param("limit", limit)
			.query(JdbcRewards::redemption)
			.list();
	}

	public List<Redemption> ofSponsor(UUID sponsorId, int limit) {
		return jdbc.sql("SELECT " + REDEMPTION_COLUMNS + " FROM points.redemption WHERE sponsor_id = :sponsor"
				+ " ORDER BY held_at DESC, id DESC LIMIT :limit")
			.param("sponsor", sponsorId)
			.param("limit", limit)
			.query(JdbcRewards::redemption)
			.list();
	}

	/** A scheme's redemption figures, from the ledger's confirmed redemptions: people, redemptions, points. */
	public record Figures(long people, long redemptions, long points, long held) {
	}

	public Figures figures(UUID schemeId) {
		return jdbc.sql("""
				SELECT count(DISTINCT holder_id) FILTER (WHERE state = 'CONFIRMED'),
				       count(*) FILTER (WHERE state = 'CONFIRMED'),
				       coalesce(sum(price) FILTER (WHERE state = 'CONFIRMED'), 0),
				       count(*) FILTER (WHERE state = 'HELD')
				  FROM points.redemption WHERE scheme_id = :scheme""")
			.param("scheme", schemeId)
			.query((rs, n) -> new Figures(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
			.single();
	}

	static Sponsor sponsor(ResultSet rs, int row) throws SQLException {
		return new Sponsor(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
				rs.getObject(5, UUID.class), rs.getTimestamp(6).toInstant());
	}

	static Reward reward(ResultSet rs, int row) throws SQLException {
		return new Reward(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
				rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7), rs.getInt(8),
				rs.getObject(9, LocalDate.class), rs.getString(10), rs.getTimestamp(11).toInstant());
	}

	static Redemption redemption(ResultSet rs, int row) throws SQLException {
		Timestamp settled = rs.getTimestamp(12);
		return new Redemption(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
				rs.getObject(4, UUID.class), rs.getObject(5, UUID.class), rs.getString(6), rs.getInt(7),
				rs.getString(8), rs.getTimestamp(9).toInstant(), rs.getObject(10, UUID.class),
				RedemptionState.valueOf(rs.getString(11)), settled == null ? null : settled.toInstant(),
				rs.getObject(13, UUID.class), rs.getObject(14, UUID.class), rs.getInt(15));
	}
}
