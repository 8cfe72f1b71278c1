package org.zhizhi.partnership.persistence;

import static org.zhizhi.partnership.persistence.Rows.date;
import static org.zhizhi.partnership.persistence.Rows.instant;
import static org.zhizhi.partnership.persistence.Rows.ts;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.partnership.Claim;
import org.zhizhi.partnership.Claim.ClaimerKind;
import org.zhizhi.partnership.ClaimStatus;
import org.zhizhi.partnership.DeliveryNote;
import org.zhizhi.shared.DataScope;

/**
 * The pledges (claims) on list items and their delivery notes. Each step is a versioned save whose row count decides:
 * of two at once, only one finds the pledge still at the version it read.
 */
@Repository
public class JdbcClaims {

	private final JdbcClient jdbc;

	JdbcClaims(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts the claim unless this claimer already holds one on the item (then nothing happens: false). */
	public boolean insertClaim(Claim c, UUID claimedBy) {
		return jdbc.sql("""
				insert into partnership.claim (id, item_id, claimer_kind, claimer_id, partner_id, amount, due_on, status,
				  claimed_by, claimed_at, delivered_at, accepted_at, value_yuan, hours, people_served)
				values (:id, :item, :kind, :claimer, :partner, :amount, :due, :status, :by, :at, :delivered, :accepted,
				  :value, :hours, :people)
				on conflict (item_id, claimer_id) do nothing""")
			.param("id", c.id())
			.param("item", c.itemId())
			.param("kind", c.claimerKind().name())
			.param("claimer", c.claimerId())
			.param("partner", c.partnerId())
			.param("amount", c.amount())
			.param("due", c.dueOn())
			.param("status", c.status().name())
			.param("by", claimedBy)
			.param("at", ts(c.claimedAt()))
			.param("delivered", ts(c.deliveredAt()))
			.param("accepted", ts(c.acceptedAt()))
			.param("value", c.valueYuan())
			.param("hours", c.hours())
			.param("people", c.peopleServed())
			.update() == 1;
	}

	private static final String CLAIM_COLUMNS = """
			c.*, i.title as item_title, p.name as partner_name,
			coalesce(cp.name, cb.name) as claimer_name
			from partnership.claim c join partnership.list_item i on i.id = c.item_id
			join partnership.partner_unit p on p.id = c.partner_id
			left join partnership.partner_unit cp on cp.id = c.claimer_id
			left join partnership.community_board cb on cb.community_id = c.claimer_id 
			""";

	private static Claim claim(ResultSet rs, int n) throws SQLException {
		int people = rs.getInt("people_served");
		Integer served = rs.wasNull() ? null : people;
		return new Claim(rs.getObject("id", UUID.class), rs.getObject("item_id", UUID.class),
				rs.getString("item_title"), ClaimerKind.valueOf(rs.getString("claimer_kind")),
				rs.getObject("claimer_id", UUID.class), rs.getString("claimer_name"),
				rs.getObject("partner_id", UUID.class), rs.getString("partner_name"), rs.getBigDecimal("amount"),
				date(rs, "due_on"), ClaimStatus.valueOf(rs.getString("status")), instant(rs, "claimed_at"),
				instant(rs, "delivered_at"), instant(rs, "accepted_at"), rs.getBigDecimal("value_yuan"),
				rs.getBigDecimal("hours"), served);
	}

	public Optional<Claim> claimOf(UUID itemId, UUID claimerId) {
		return jdbc.sql("select " + CLAIM_COLUMNS + " where c.item_id = :item and c.claimer_id = :claimer")
			.param("item", itemId)
			.param("claimer", claimerId)
			.query(JdbcClaims::claim)
			.optional();
	}

	public Optional<Claim> claim(DataScope scope, UUID id) {
		return jdbc.sql("select " + CLAIM_COLUMNS + " where c.id = :id and i.scope_path like :scope")
			.param("id", id)
			.param("scope", scope.likePattern())
			.query(JdbcClaims::claim)
			.optional();
	}

	/** The pledge of the scope as a step reads it: with the version its save is conditional on. */
	public Optional<Versioned<Claim>> claimToStep(DataScope scope, UUID id) {
		return jdbc.sql("select " + CLAIM_COLUMNS + " where c.id = :id and i.scope_path like :scope")
			.param("id", id)
			.param("scope", scope.likePattern())
			.query((rs, n) -> new Versioned<>(claim(rs, n), rs.getInt("version")))
			.optional();
	}

	public List<Claim> claimsOfItem(UUID itemId) {
		return jdbc.sql("select " + CLAIM_COLUMNS + " where c.item_id = :item order by c.claimed_at")
			.param("item", itemId)
			.query(JdbcClaims::claim)
			.list();
	}

	public List<Claim> claimsOfPartner(UUID partnerId) {
		return jdbc.sql("select " + CLAIM_COLUMNS + " where c.partner_id = :partner order by c.claimed_at desc")
			.param("partner", partnerId)
			.query(JdbcClaims::claim)
			.list();
	}

	public boolean deliver(UUID claimId, int version, Instant at, BigDecimal value, BigDecimal hours,
			Integer people) {
		return jdbc.sql("""
				update partnership.claim set status = 'DELIVERED', delivered_at = :at, value_yuan = :value,
				       hours = :hours, people_served = :people, version = version + 1
				 where id = :id and version = :version""")
			.param("id", claimId)
			.param("version", version)
			.param("at", ts(at))
			.param("value", value)
			.param("hours", hours)
			.param("people", people)
			.update() == 1;
	}

	public boolean accept(UUID claimId, int version, UUID by, Instant at) {
		return jdbc.sql("""
				update partnership.claim set status = 'ACCEPTED', accepted_at = :at, accepted_by = :by,
				       version = version + 1
				 where id = :id and version = :version""")
			.param("id", claimId)
			.param("version", version)
			.param("by", by)
			.param("at", ts(at))
			.update() == 1;
	}

	/**
	 * The contested step of a refusal: a delivered pledge goes back to PLEDGED, and what the delivery reported (its
	 * time, value, hours and people served) is cleared, to be reported again. Only one of two at once finds it at the
	 * version it read.
	 */
	public boolean sendBack(UUID claimId, int version) {
		return jdbc.sql("""
				update partnership.claim set status = 'PLEDGED', delivered_at = null, value_yuan = null, hours = null,
				       people_served = null, version = version + 1
				 where id = :id and version = :version""")
			.param("id", claimId)
			.param("version", version)
			.update() == 1;
	}

	/** Locks a claim's row for the rest of the transaction and answers its state. */
	public Optional<ClaimStatus> lockClaim(UUID claimId) {
		return jdbc.sql("select status from partnership.claim where id = :id for update")
			.param("id", claimId)
			.query((rs, n) -> ClaimStatus.valueOf(rs.getString(1)))
			.optional();
	}

	public void insertNote(DeliveryNote note, UUID authorId) {
		jdbc.sql("""
				insert into partnership.delivery_note (id, claim_id, kind, note, document_id, author_id, at)
				values (:id, :claim, :kind, :note, :doc, :author, :at)""")
			.param("id", note.id())
			.param("claim", note.claimId())
			.param("kind", note.kind().name())
			.param("note", note.note())
			.param("doc", note.documentId())
			.param("author", authorId)
			.param("at", ts(note.at()))
			.update();
	}

	private static DeliveryNote note(ResultSet rs, int n) throws SQLException {
		return new DeliveryNote(rs.getObject("id", UUID.class), rs.getObject("claim_id", UUID.class),
				DeliveryNote.Kind.valueOf(rs.getString("kind")), rs.getString("note"),
				rs.getObject("document_id", UUID.class), instant(rs, "at"));
	}

	public List<DeliveryNote> notesOfItem(UUID itemId) {
		return jdbc.sql("""
				select d.* from partnership.delivery_note d join partnership.claim c on c.id = d.claim_id
				 where c.item_id = :item order by d.at""")
			.param("item", itemId)
			.query(JdbcClaims::note)
			.list();
	}
}
