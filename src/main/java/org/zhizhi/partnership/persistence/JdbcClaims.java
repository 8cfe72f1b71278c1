package org.zhizhi.partnership.persistence;

import static org.zhizhi.partnership.persistence.Rows.date;
import static org.zhizhi.partnership.persistence.Rows.instant;
import static org.zhizhi.partnership.persistence.Rows.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.partnership.Claim;
import org.zhizhi.partnership.Claim.ClaimerKind;
import org.zhizhi.partnership.ClaimStatus;
import org.zhizhi.partnership.DeliveryNote;
import org.zhizhi.partnership.Pledge;
import org.zhizhi.shared.DataScope;

/**
 * The pledges (claims) on list items and their delivery notes. A pledge is read as the {@link Pledge} its steps change
 * and shown as the {@link Claim} the API answers; each step is a versioned save whose row count decides: of two at
 * once, only one finds the pledge still at the version it read.
 */
@Repository
public class JdbcClaims {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	JdbcClaims(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/**
	 * Inserts a pledge as it stood in the past (the history import, which writes what happened rather than taking
	 * steps) unless this claimer already holds one on the item (then nothing happens: false).
	 */
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

	/** The pledge shown by id wherever it is (the notices of its steps, told inside the step's transaction). */
	public Optional<Claim> claim(UUID id) {
		return jdbc.sql("select " + CLAIM_COLUMNS + " where c.id = :id")
			.param("id", id)
			.query(JdbcClaims::claim)
			.optional();
	}

	/**
	 * The pledge of the scope as a step reads it, with the version its save is conditional on; {@code lock}: its row
	 * locked for the rest of the transaction (a progress note, which changes no row, must not land on a pledge that
	 * is delivered meanwhile).
	 */
	public Optional<Pledge> pledge(DataScope scope, UUID id, boolean lock) {
		return jdbc.sql("""
				select c.* from partnership.claim c join partnership.list_item i on i.id = c.item_id
				 where c.id = :id and i.scope_path like :scope""" + (lock ? " for update of c" : ""))
			.param("id", id)
			.param("scope", scope.likePattern())
			.query(JdbcClaims::pledge)
			.optional();
	}

	private static Pledge pledge(ResultSet rs, int n) throws SQLException {
		int people = rs.getInt("people_served");
		Integer served = rs.wasNull() ? null : people;
		return new Pledge(rs.getObject("id", UUID.class), rs.getObject("item_id", UUID.class),
				ClaimerKind.valueOf(rs.getString("claimer_kind")), rs.getObject("claimer_id", UUID.class),
				rs.getObject("partner_id", UUID.class), rs.getBigDecimal("amount"), date(rs, "due_on"),
				rs.getObject("claimed_by", UUID.class), instant(rs, "claimed_at"),
				ClaimStatus.valueOf(rs.getString("status")), instant(rs, "delivered_at"), instant(rs, "accepted_at"),
				rs.getObject("accepted_by", UUID.class), rs.getBigDecimal("value_yuan"), rs.getBigDecimal("hours"),
				served, rs.getInt("version"));
	}

	/**
	 * A new pledge, and what it registered — unless its claimer already holds one on the item: then nothing is
	 * written or published (false), and the claimer's pledge stands.
	 */
	public boolean add(Pledge p) {
		boolean added = jdbc.sql("""
				insert into partnership.claim (id, item_id, claimer_kind, claimer_id, partner_id, amount, due_on, status,
				  claimed_by, claimed_at)
				values (:id, :item, :kind, :claimer, :partner, :amount, :due, :status, :by, :at)
				on conflict (item_id, claimer_id) do nothing""")
			.param("id", p.id())
			.param("item", p.itemId())
			.param("kind", p.claimerKind().name())
			.param("claimer", p.claimerId())
			.param("partner", p.partnerId())
			.param("amount", p.amount())
			.param("due", p.dueOn())
			.param("status", p.status().name())
			.param("by", p.claimedBy())
			.param("at", ts(p.claimedAt()))
			.update() == 1;
		if (added) {
			p.publishEvents(events::publishEvent);
		}
		return added;
	}

	/**
	 * Saves a step against the version the pledge was read with and publishes what it registered; answers false,
	 * saving and publishing nothing, when someone else moved it first (the caller refuses, naming the state it is in
	 * now). Of two at once only one finds the pledge still at the version it read. A step that changed no column (a
	 * progress note, taken under the row's lock) writes no row and keeps the version.
	 */
	public boolean save(Pledge p) {
		if (p.moved()) {
			int rows = jdbc.sql("""
					update partnership.claim set status = :status, delivered_at = :delivered, accepted_at = :accepted,
					       accepted_by = :acceptedBy, value_yuan = :value, hours = :hours, people_served = :people,
					       version = version + 1
					 where id = :id and version = :version""")
				.param("id", p.id())
				.param("version", p.version())
				.param("status", p.status().name())
				.param("delivered", ts(p.deliveredAt()))
				.param("accepted", ts(p.acceptedAt()))
				.param("acceptedBy", p.acceptedBy())
				.param("value", p.valueYuan())
				.param("hours", p.hours())
				.param("people", p.peopleServed())
				.update();
			if (rows != 1) {
				return false;
			}
			p.saved();
		}
		p.publishEvents(events::publishEvent);
		return true;
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

	/** Pledges reported delivered in the scope, waiting for the community's acceptance: the longest waiting first. */
	public List<Claim> deliveredInScope(DataScope scope, int limit) {
		return jdbc.sql("select " + CLAIM_COLUMNS + """
				 where c.status = 'DELIVERED' and i.scope_path like :scope
				 order by c.delivered_at, c.id limit :limit""")
			.param("scope", scope.likePattern())
			.param("limit", limit)
			.query(JdbcClaims::claim)
			.list();
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
