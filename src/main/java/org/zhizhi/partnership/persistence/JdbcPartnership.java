package org.zhizhi.partnership.persistence;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.partnership.Agreement;
import org.zhizhi.partnership.Claim;
import org.zhizhi.partnership.Claim.ClaimerKind;
import org.zhizhi.partnership.ClaimStatus;
import org.zhizhi.partnership.DeliveryNote;
import org.zhizhi.partnership.ItemCategory;
import org.zhizhi.partnership.ItemKind;
import org.zhizhi.partnership.ItemStatus;
import org.zhizhi.partnership.ListItem;
import org.zhizhi.partnership.Measure;
import org.zhizhi.partnership.PartnerType;
import org.zhizhi.partnership.PartnerUnit;
import org.zhizhi.partnership.PartnershipViews.Contribution;
import org.zhizhi.partnership.PartnershipViews.PublicPledge;
import org.zhizhi.partnership.PartnershipViews.Rates;

/** SQL of the partnership schema. Every read that serves a user takes the scope path as a bound LIKE prefix. */
@Repository
public class JdbcPartnership {

	public record Board(UUID communityId, String code, String name, String path, UUID districtId) {
	}

	private final JdbcClient jdbc;

	/** Years of pledges, needs and claims are those of the platform's zone. */
	private final ZoneId zone;

	JdbcPartnership(JdbcClient jdbc, ZoneId zone) {
		this.jdbc = jdbc;
		this.zone = zone;
	}

	private static Timestamp ts(Instant at) {
		return at == null ? null : Timestamp.from(at);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	private static LocalDate date(ResultSet rs, String column) throws SQLException {
		java.sql.Date d = rs.getDate(column);
		return d == null ? null : d.toLocalDate();
	}

	private static Double dbl(ResultSet rs, String column) throws SQLException {
		double v = rs.getDouble(column);
		return rs.wasNull() ? null : v;
	}

	// ---- community board ---------------------------------------------------------------------------------------

	public void ensureBoard(Board board) {
		jdbc.sql("""
				insert into partnership.community_board (community_id, code, name, path, district_id)
				values (:id, :code, :name, :path, :district)
				on conflict (community_id) do update set name = excluded.name, code = excluded.code""")
			.param("id", board.communityId())
			.param("code", board.code())
			.param("name", board.name())
			.param("path", board.path())
			.param("district", board.districtId())
			.update();
	}

	public Optional<Board> boardByCode(String code) {
		return jdbc.sql("select community_id, code, name, path, district_id from partnership.community_board where code = :code")
			.param("code", code)
			.query((rs, n) -> new Board(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getObject(5, UUID.class)))
			.optional();
	}

	public Optional<Board> board(UUID communityId) {
		return jdbc.sql("select community_id, code, name, path, district_id from partnership.community_board where community_id = :id")
			.param("id", communityId)
			.query((rs, n) -> new Board(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getObject(5, UUID.class)))
			.optional();
	}

	// ---- partner units -----------------------------------------------------------------------------------------

	public void insertPartner(PartnerUnit p, String scopePath, UUID districtId, Instant at) {
		jdbc.sql("""
				insert into partnership.partner_unit (id, community_id, scope_path, district_id, name, type,
				  party_org_name, address, lat, lng, contact_name, contact_phone, created_at)
				values (:id, :community, :path, :district, :name, :type, :party, :address, :lat, :lng, :contact,
				  :phone, :at)
				on conflict (community_id, name) do nothing""")
			.param("id", p.id())
			.param("community", p.communityId())
			.param("path", scopePath)
			.param("district", districtId)
			.param("name", p.name())
			.param("type", p.type().name())
			.param("party", p.partyOrgName())
			.param("address", p.address())
			.param("lat", p.lat())
			.param("lng", p.lng())
			.param("contact", p.contactName())
			.param("phone", p.contactPhone())
			.param("at", ts(at))
			.update();
	}

	private static final String PARTNER_COLUMNS = """
			p.id, p.community_id, b.name as community_name, p.name, p.type, p.party_org_name, p.address, p.lat, p.lng,
			p.contact_name, p.contact_phone,
			exists (select 1 from partnership.agreement a where a.partner_id = p.id and a.year = :year
			        and a.status = 'SIGNED') as signed
			from partnership.partner_unit p join partnership.community_board b on b.community_id = p.community_id 
			""";

	private static PartnerUnit partner(ResultSet rs, int n) throws SQLException {
		return new PartnerUnit(rs.getObject("id", UUID.class), rs.getObject("community_id", UUID.class),
				rs.getString("community_name"), rs.getString("name"), PartnerType.valueOf(rs.getString("type")),
				rs.getString("party_org_name"), rs.getString("address"), dbl(rs, "lat"), dbl(rs, "lng"),
				rs.getString("contact_name"), rs.getString("contact_phone"), rs.getBoolean("signed"));
	}

	public List<PartnerUnit> partners(String scopeLike, UUID communityId, int year) {
		return jdbc.sql("select " + PARTNER_COLUMNS + """
				 where p.scope_path like :scope and (cast(:community as uuid) is null or p.community_id = :community)
				 order by b.name, p.name""")
			.param("scope", scopeLike)
			.param("community", communityId)
			.param("year", year)
			.query(JdbcPartnership::partner)
			.list();
	}

	public Optional<PartnerUnit> partner(String scopeLike, UUID id, int year) {
		return jdbc.sql("select " + PARTNER_COLUMNS + " where p.id = :id and p.scope_path like :scope")
			.param("scope", scopeLike)
			.param("id", id)
			.param("year", year)
			.query(JdbcPartnership::partner)
			.optional();
	}

	public Optional<PartnerUnit> partnerByName(UUID communityId, String name, int year) {
		return jdbc.sql("select " + PARTNER_COLUMNS + " where p.community_id = :community and p.name = :name")
			.param("community", communityId)
			.param("name", name)
			.param("year", year)
			.query(JdbcPartnership::partner)
			.optional();
	}

	/** The name of a partner unit of the community; empty when the id names none of its units. */
	public Optional<String> partnerName(UUID communityId, UUID partnerId) {
		return jdbc.sql("select name from partnership.partner_unit where id = :id and community_id = :community")
			.param("id", partnerId)
			.param("community", communityId)
			.query(String.class)
			.optional();
	}

	public String partnerScope(UUID partnerId) {
		return jdbc.sql("select scope_path from partnership.partner_unit where id = :id")
			.param("id", partnerId)
			.query(String.class)
			.single();
	}

	/** The unit an account is liaison of, if any. */
	public Optional<UUID> partnerOfLiaison(UUID accountId) {
		return jdbc.sql("select partner_id from partnership.partner_liaison where account_id = :id")
			.param("id", accountId)
			.query(UUID.class)
			.optional();
	}

	/** The accounts serving a unit as its liaisons. */
	public List<UUID> liaisonsOf(UUID partnerId) {
		return jdbc.sql("select account_id from partnership.partner_liaison where partner_id = :p order by account_id")
			.param("p", partnerId)
			.query(UUID.class)
			.list();
	}

	/** False when the account already serves another unit. */
	public boolean addLiaison(UUID partnerId, UUID accountId) {
		jdbc.sql("insert into partnership.partner_liaison (account_id, partner_id) values (:a, :p) on conflict do nothing")
			.param("a", accountId)
			.param("p", partnerId)
			.update();
		return partnerOfLiaison(accountId).map(partnerId::equals).orElse(false);
	}

	// ---- agreements --------------------------------------------------------------------------------------------

	public boolean insertAgreement(Agreement a, Instant at) {
		return jdbc.sql("""
				insert into partnership.agreement (id, partner_id, community_id, year, commitments, status, document_id,
				  signed_on, created_at)
				values (:id, :partner, :community, :year, :commitments, :status, :doc, :signed, :at)
				on conflict (partner_id, year) do nothing""")
			.param("id", a.id())
			.param("partner", a.partnerId())
			.param("community", a.communityId())
			.param("year", a.year())
			.param("commitments", a.commitments())
			.param("status", a.status().name())
			.param("doc", a.documentId())
			.param("signed", a.signedOn())
			.param("at", ts(at))
			.update() == 1;
	}

	private static Agreement agreement(ResultSet rs, int n) throws SQLException {
		return new Agreement(rs.getObject("id", UUID.class), rs.getObject("partner_id", UUID.class),
				rs.getObject("community_id", UUID.class), rs.getInt("year"), rs.getString("commitments"),
				Agreement.Status.valueOf(rs.getString("status")), rs.getObject("document_id", UUID.class),
				date(rs, "signed_on"));
	}

	public List<Agreement> agreements(UUID partnerId) {
		return jdbc.sql("select * from partnership.agreement where partner_id = :p order by year desc")
			.param("p", partnerId)
			.query(JdbcPartnership::agreement)
			.list();
	}

	public Optional<Agreement> agreement(String scopeLike, UUID id) {
		return jdbc.sql("""
				select a.* from partnership.agreement a join partnership.partner_unit p on p.id = a.partner_id
				 where a.id = :id and p.scope_path like :scope""")
			.param("id", id)
			.param("scope", scopeLike)
			.query(JdbcPartnership::agreement)
			.optional();
	}

	public boolean signAgreement(UUID id, UUID documentId, LocalDate signedOn) {
		return jdbc.sql("""
				update partnership.agreement set status = 'SIGNED', document_id = :doc, signed_on = :on
				 where id = :id and status = 'DRAFT'""")
			.param("id", id)
			.param("doc", documentId)
			.param("on", signedOn)
			.update() == 1;
	}

	// ---- documents ---------------------------------------------------------------------------------------------

	public void insertDocument(UUID id, String mediaType, long size, String sha256, UUID uploadedBy, Instant at) {
		jdbc.sql("""
				insert into partnership.document (id, media_type, size_bytes, sha256, uploaded_by, created_at)
				values (:id, :type, :size, :sha, :by, :at)""")
			.param("id", id)
			.param("type", mediaType)
			.param("size", size)
			.param("sha", sha256)
			.param("by", uploadedBy)
			.param("at", ts(at))
			.update();
	}

	public Optional<String> documentType(UUID id) {
		return jdbc.sql("select media_type from partnership.document where id = :id")
			.param("id", id)
			.query(String.class)
			.optional();
	}

	public boolean documentUploadedBy(UUID id, UUID accountId) {
		return jdbc.sql("select count(*) from partnership.document where id = :id and uploaded_by = :by")
			.param("id", id)
			.param("by", accountId)
			.query(Long.class)
			.single() > 0;
	}

	/** Whether a document is attached to something inside the scope (or, for a liaison, to his unit's work). */
	public boolean documentVisible(UUID id, String scopeLike, UUID liaisonPartner) {
		return jdbc.sql("""
				select exists (select 1 from partnership.agreement a join partnership.partner_unit p on p.id = a.partner_id
				                where a.document_id = :id and p.scope_path like :scope
				                  and (cast(:partner as uuid) is null or p.id = :partner))
				    or exists (select 1 from partnership.delivery_note d join partnership.claim c on c.id = d.claim_id
				                 join partnership.list_item i on i.id = c.item_id
				                where d.document_id = :id and i.scope_path like :scope
				                  and (cast(:partner as uuid) is null or c.partner_id = :partner))""")
			.param("id", id)
			.param("scope", scopeLike)
			.param("partner", liaisonPartner)
			.query(Boolean.class)
			.single();
	}

	// ---- list items --------------------------------------------------------------------------------------------

	public void insertItem(ListItem i, String scopePath, UUID districtId) {
		insertItem(i, scopePath, districtId, "");
	}

	/**
	 * Inserts the project of a joint meeting's decision unless the decision has one already (then nothing happens:
	 * false). The unique {@code decision_id} decides, so a replayed decision never makes a second project.
	 */
	public boolean insertDecisionItem(ListItem i, String scopePath, UUID districtId) {
		return insertItem(i, scopePath, districtId, " on conflict (decision_id) do nothing") == 1;
	}

	private int insertItem(ListItem i, String scopePath, UUID districtId, String onConflict) {
		return jdbc.sql("""
				insert into partnership.list_item (id, community_id, scope_path, district_id, kind, offered_by, title,
				  category, description, quantity, measure, claimed, period_start, period_end, lat, lng, status,
				  published_at, first_claimed_at, completed_at, decision_id, owner_partner_id)
				values (:id, :community, :path, :district, :kind, :offered, :title, :category, :description, :quantity,
				  :measure, :claimed, :start, :end, :lat, :lng, :status, :published, :first, :completed, :decision,
				  :owner)""" + onConflict)
			.param("id", i.id())
			.param("community", i.communityId())
			.param("path", scopePath)
			.param("district", districtId)
			.param("kind", i.kind().name())
			.param("offered", i.offeredBy())
			.param("title", i.title())
			.param("category", i.category().name())
			.param("description", i.description())
			.param("quantity", i.quantity())
			.param("measure", i.measure().name())
			.param("claimed", i.claimed())
			.param("start", i.periodStart())
			.param("end", i.periodEnd())
			.param("lat", i.lat())
			.param("lng", i.lng())
			.param("status", i.status().name())
			.param("published", ts(i.publishedAt()))
			.param("first", ts(i.firstClaimedAt()))
			.param("completed", ts(i.completedAt()))
			.param("decision", i.decisionId())
			.param("owner", i.ownerPartnerId())
			.update();
	}

	private static final String ITEM_COLUMNS = """
			i.*, b.name as community_name, o.name as offered_by_name, o.lat as offer_lat, o.lng as offer_lng,
			d.meeting_id, w.name as owner_partner_name
			from partnership.list_item i join partnership.community_board b on b.community_id = i.community_id
			left join partnership.partner_unit o on o.id = i.offered_by
			left join partnership.joint_meeting_decision d on d.id = i.decision_id
			left join partnership.partner_unit w on w.id = i.owner_partner_id 
			""";

	private static ListItem item(ResultSet rs, int n) throws SQLException {
		Double lat = dbl(rs, "lat");
		Double lng = dbl(rs, "lng");
		if (lat == null) {
			// a resource without its own position is where its unit is
			lat = dbl(rs, "offer_lat");
			lng = dbl(rs, "offer_lng");
		}
		return new ListItem(rs.getObject("id", UUID.class), rs.getObject("community_id", UUID.class),
				rs.getString("community_name"), ItemKind.valueOf(rs.getString("kind")),
				rs.getObject("offered_by", UUID.class), rs.getString("offered_by_name"), rs.getString("title"),
				ItemCategory.valueOf(rs.getString("category")), rs.getString("description"),
				rs.getBigDecimal("quantity"), Measure.valueOf(rs.getString("measure")), rs.getBigDecimal("claimed"),
				date(rs, "period_start"), date(rs, "period_end"), lat, lng, ItemStatus.valueOf(rs.getString("status")),
				instant(rs, "published_at"), instant(rs, "first_claimed_at"), instant(rs, "completed_at"),
				rs.getObject("decision_id", UUID.class), rs.getObject("meeting_id", UUID.class),
				rs.getObject("owner_partner_id", UUID.class), rs.getString("owner_partner_name"));
	}

	public List<ListItem> items(String scopeLike, UUID communityId, ItemKind kind, ItemStatus status, int limit) {
		return jdbc.sql("select " + ITEM_COLUMNS + """
				 where i.scope_path like :scope
				   and (cast(:community as uuid) is null or i.community_id = :community)
				   and (cast(:kind as varchar) is null or i.kind = :kind)
				   and (cast(:status as varchar) is null or i.status = :status)
				 order by case i.status when 'OPEN' then 0 when 'FULLY_CLAIMED' then 1 when 'COMPLETED' then 2 else 3 end,
				          i.published_at desc
				 limit :limit""")
			.param("scope", scopeLike)
			.param("community", communityId)
			.param("kind", kind == null ? null : kind.name())
			.param("status", status == null ? null : status.name())
			.param("limit", limit)
			.query(JdbcPartnership::item)
			.list();
	}

	/** The community of an item, for the platform's own notices (not a user's read: no scope). */
	public Optional<UUID> itemCommunity(UUID itemId) {
		return jdbc.sql("select community_id from partnership.list_item where id = :id")
			.param("id", itemId)
			.query(UUID.class)
			.optional();
	}

	/** How many items of each list of a community (within the scope) are open to claims. */
	public Map<ItemKind, Long> openCounts(String scopeLike, UUID communityId) {
		return countsByKind(scopeLike, communityId, "status = 'OPEN'");
	}

	/** Items of each list of a community that were published and not withdrawn. */
	public Map<ItemKind, Long> publishedTotals(UUID communityId) {
		return countsByKind("/%", communityId, "status <> 'WITHDRAWN'");
	}

	/** Counts of a community's items per list, every list present; {@code statusCondition} is a constant of this class. */
	private Map<ItemKind, Long> countsByKind(String scopeLike, UUID communityId, String statusCondition) {
		Map<ItemKind, Long> counts = new java.util.EnumMap<>(ItemKind.class);
		for (ItemKind kind : ItemKind.values()) {
			counts.put(kind, 0L);
		}
		jdbc.sql("select kind, count(*) from partnership.list_item where scope_path like :scope"
				+ " and community_id = :community and " + statusCondition + " group by kind")
			.param("scope", scopeLike)
			.param("community", communityId)
			.query((rs, n) -> counts.put(ItemKind.valueOf(rs.getString(1)), rs.getLong(2)))
			.list();
		return counts;
	}

	/**
	 * The open resources of the scope a need could draw on: its category, something left, available in its period —
	 * filtered here rather than after a capped read, so that a scope with many resources never hides the fitting ones.
	 */
	public List<ListItem> openResourcesFor(String scopeLike, ItemCategory category, LocalDate from, LocalDate to,
			int limit) {
		return jdbc.sql("select " + ITEM_COLUMNS + """
				 where i.scope_path like :scope and i.kind = 'RESOURCE' and i.status = 'OPEN'
				   and i.category = :category and i.claimed < i.quantity
				   and i.period_end >= :from and i.period_start <= :to
				 order by i.published_at desc
				 limit :limit""")
			.param("scope", scopeLike)
			.param("category", category.name())
			.param("from", from)
			.param("to", to)
			.param("limit", limit)
			.query(JdbcPartnership::item)
			.list();
	}

	public Optional<ListItem> item(String scopeLike, UUID id) {
		return jdbc.sql("select " + ITEM_COLUMNS + " where i.id = :id and i.scope_path like :scope")
			.param("id", id)
			.param("scope", scopeLike)
			.query(JdbcPartnership::item)
			.optional();
	}

	/**
	 * The unfinished items of a community — open to claims or fully claimed and still being delivered — the most
	 * recently published first; with an item id, only that one if it is one of them.
	 */
	public List<ListItem> unfinishedItems(UUID communityId, UUID itemId, int limit) {
		return jdbc.sql("select " + ITEM_COLUMNS + """
				 where i.community_id = :community and i.status in ('OPEN', 'FULLY_CLAIMED')
				   and (cast(:item as uuid) is null or i.id = :item)
				 order by i.published_at desc
				 limit :limit""")
			.param("community", communityId)
			.param("item", itemId)
			.param("limit", limit)
			.query(JdbcPartnership::item)
			.list();
	}

	/** The project a joint meeting's decision became, if it did. */
	public Optional<ListItem> itemOfDecision(UUID decisionId) {
		return jdbc.sql("select " + ITEM_COLUMNS + " where i.decision_id = :decision")
			.param("decision", decisionId)
			.query(JdbcPartnership::item)
			.optional();
	}

	public boolean withdrawItem(UUID id) {
		return jdbc.sql("""
				update partnership.list_item set status = 'WITHDRAWN'
				 where id = :id and status = 'OPEN' and claimed = 0""")
			.param("id", id)
			.update() == 1;
	}

	// ---- claims ------------------------------------------------------------------------------------------------

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

	/**
	 * The contested step: takes {@code amount} of the item only while it is open and that much is left. Two claimers
	 * at once queue on the row; the second re-reads the row after the first commits and finds less left.
	 */
	public boolean take(UUID itemId, BigDecimal amount, Instant at) {
		return jdbc.sql("""
				update partnership.list_item
				   set claimed = claimed + :amount,
				       status = case when claimed + :amount = quantity then 'FULLY_CLAIMED' else status end,
				       first_claimed_at = coalesce(first_claimed_at, :at),
				       version = version + 1
				 where id = :id and status = 'OPEN' and claimed + :amount <= quantity""")
			.param("id", itemId)
			.param("amount", amount)
			.param("at", ts(at))
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
			.query(JdbcPartnership::claim)
			.optional();
	}

	public Optional<Claim> claim(String scopeLike, UUID id) {
		return jdbc.sql("select " + CLAIM_COLUMNS + " where c.id = :id and i.scope_path like :scope")
			.param("id", id)
			.param("scope", scopeLike)
			.query(JdbcPartnership::claim)
			.optional();
	}

	public List<Claim> claimsOfItem(UUID itemId) {
		return jdbc.sql("select " + CLAIM_COLUMNS + " where c.item_id = :item order by c.claimed_at")
			.param("item", itemId)
			.query(JdbcPartnership::claim)
			.list();
	}

	public List<Claim> claimsOfPartner(UUID partnerId) {
		return jdbc.sql("select " + CLAIM_COLUMNS + " where c.partner_id = :partner order by c.claimed_at desc")
			.param("partner", partnerId)
			.query(JdbcPartnership::claim)
			.list();
	}

	public boolean deliver(UUID claimId, Instant at, BigDecimal value, BigDecimal hours, Integer people) {
		return jdbc.sql("""
				update partnership.claim set status = 'DELIVERED', delivered_at = :at, value_yuan = :value,
				       hours = :hours, people_served = :people
				 where id = :id and status = 'PLEDGED'""")
			.param("id", claimId)
			.param("at", ts(at))
			.param("value", value)
			.param("hours", hours)
			.param("people", people)
			.update() == 1;
	}

	public boolean accept(UUID claimId, UUID by, Instant at) {
		return jdbc.sql("""
				update partnership.claim set status = 'ACCEPTED', accepted_at = :at, accepted_by = :by
				 where id = :id and status = 'DELIVERED'""")
			.param("id", claimId)
			.param("by", by)
			.param("at", ts(at))
			.update() == 1;
	}

	/**
	 * The contested step of a refusal: a delivered pledge goes back to PLEDGED, and what the delivery reported (its
	 * time, value, hours and people served) is cleared, to be reported again. Only one of two at once finds it DELIVERED.
	 */
	public boolean sendBack(UUID claimId) {
		return jdbc.sql("""
				update partnership.claim set status = 'PLEDGED', delivered_at = null, value_yuan = null, hours = null,
				       people_served = null
				 where id = :id and status = 'DELIVERED'""")
			.param("id", claimId)
			.update() == 1;
	}

	/** Completes the item once it is fully pledged and every pledge is accepted. */
	public void completeIfDone(UUID itemId, Instant at) {
		jdbc.sql("""
				update partnership.list_item set status = 'COMPLETED', completed_at = :at
				 where id = :id and status = 'FULLY_CLAIMED'
				   and not exists (select 1 from partnership.claim c where c.item_id = :id and c.status <> 'ACCEPTED')""")
			.param("id", itemId)
			.param("at", ts(at))
			.update();
	}

	/** Locks a claim's row for the rest of the transaction and answers its state. */
	public Optional<ClaimStatus> lockClaim(UUID claimId) {
		return jdbc.sql("select status from partnership.claim where id = :id for update")
			.param("id", claimId)
			.query((rs, n) -> ClaimStatus.valueOf(rs.getString(1)))
			.optional();
	}

	/** Every account that serves some unit as its liaison. */
	public java.util.Set<UUID> boundLiaisons() {
		return new java.util.HashSet<>(jdbc.sql("select account_id from partnership.partner_liaison")
			.query(UUID.class)
			.list());
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

	public List<DeliveryNote> notesOfItem(UUID itemId) {
		return jdbc.sql("""
				select d.* from partnership.delivery_note d join partnership.claim c on c.id = d.claim_id
				 where c.item_id = :item order by d.at""")
			.param("item", itemId)
			.query((rs, n) -> new DeliveryNote(rs.getObject("id", UUID.class), rs.getObject("claim_id", UUID.class),
					DeliveryNote.Kind.valueOf(rs.getString("kind")), rs.getString("note"),
					rs.getObject("document_id", UUID.class), instant(rs, "at")))
			.list();
	}

	// ---- contributions, ranking, pledges -----------------------------------------------------------------------

	/** Accepted pledges summed per unit of the scope (and community, and year of acceptance), best first. */
	public List<Contribution> contributions(String scopeLike, UUID communityId, UUID partnerId, Integer year) {
		return jdbc.sql("""
				select p.id, p.name,
				       coalesce(sum(c.value_yuan), 0) as value, coalesce(sum(c.hours), 0) as hours,
				       count(distinct c.item_id) as projects, coalesce(sum(c.people_served), 0) as people
				  from partnership.partner_unit p
				  join partnership.claim c on c.partner_id = p.id and c.status = 'ACCEPTED'
				       and (cast(:year as int) is null or extract(year from c.accepted_at at time zone :zone) = :year)
				 where p.scope_path like :scope
				   and (cast(:community as uuid) is null or p.community_id = :community)
				   and (cast(:partner as uuid) is null or p.id = :partner)
				 group by p.id, p.name
				 order by projects desc, value desc, hours desc, people desc, p.name""")
			.param("zone", zone.getId())
			.param("scope", scopeLike)
			.param("community", communityId)
			.param("partner", partnerId)
			.param("year", year)
			.query((rs, n) -> new Contribution(rs.getObject("id", UUID.class), rs.getString("name"),
					rs.getBigDecimal("value"), rs.getBigDecimal("hours"), rs.getLong("projects"),
					rs.getLong("people")))
			.list();
	}

	public long pledgeTotal(UUID communityId) {
		return jdbc.sql("""
				select count(*) from partnership.claim c join partnership.list_item i on i.id = c.item_id
				 where i.community_id = :community""")
			.param("community", communityId)
			.query(Long.class)
			.single();
	}

	public List<PublicPledge> pledges(UUID communityId, int limit) {
		return jdbc.sql("""
				select i.title, i.kind, coalesce(cp.name, cb.name) as claimer, p.name as deliverer, c.amount,
				       i.measure, c.due_on, c.status
				  from partnership.claim c join partnership.list_item i on i.id = c.item_id
				  join partnership.partner_unit p on p.id = c.partner_id
				  left join partnership.partner_unit cp on cp.id = c.claimer_id
				  left join partnership.community_board cb on cb.community_id = c.claimer_id
				 where i.community_id = :community
				 order by case c.status when 'PLEDGED' then 0 when 'DELIVERED' then 1 else 2 end, c.claimed_at desc,
				          i.title
				 limit :limit""")
			.param("community", communityId)
			.param("limit", limit)
			.query((rs, n) -> new PublicPledge(rs.getString("title"), ItemKind.valueOf(rs.getString("kind")),
					rs.getString("claimer"), rs.getString("deliverer"), rs.getBigDecimal("amount"),
					Measure.valueOf(rs.getString("measure")), date(rs, "due_on"),
					ClaimStatus.valueOf(rs.getString("status"))))
			.list();
	}

	/** Accepted pledges per unit of the scope, and each unit's latest claim (for the "just matched" penalty). */
	public record UnitRecord(UUID partnerId, long delivered, long deliveredInCategory, boolean offersCategory,
			Instant lastClaimAt) {
	}

	public List<UnitRecord> unitRecords(String scopeLike, ItemCategory category) {
		return jdbc.sql("""
				select p.id,
				       (select count(*) from partnership.claim c where c.partner_id = p.id and c.status = 'ACCEPTED') as delivered,
				       (select count(*) from partnership.claim c join partnership.list_item i on i.id = c.item_id
				         where c.partner_id = p.id and c.status = 'ACCEPTED' and i.category = :category) as in_category,
				       exists (select 1 from partnership.list_item r where r.offered_by = p.id and r.category = :category
				                and r.status <> 'WITHDRAWN') as offers,
				       (select max(c.claimed_at) from partnership.claim c where c.partner_id = p.id) as last_claim
				  from partnership.partner_unit p where p.scope_path like :scope""")
			.param("scope", scopeLike)
			.param("category", category.name())
			.query((rs, n) -> new UnitRecord(rs.getObject("id", UUID.class), rs.getLong("delivered"),
					rs.getLong("in_category"), rs.getBoolean("offers"), instant(rs, "last_claim")))
			.list();
	}

	// ---- rates -------------------------------------------------------------------------------------------------

	/** Rates of the needs published in a year inside the scope (optionally one community); times in days. */
	/** The year's needs of the scope or one community, and what became of them: the source of every need rate. */
	private static final String YEAR_NEEDS = """
			with n as (
			  select community_id, published_at, first_claimed_at, completed_at, status
			    from partnership.list_item
			   where kind = 'NEED' and status <> 'WITHDRAWN' and scope_path like :scope
			     and (cast(:community as uuid) is null or community_id = :community)
			     and extract(year from published_at at time zone :zone) = :year)
			""";

	private static final String NEED_RATES = """
			count(*) as published,
			count(first_claimed_at) as claimed,
			count(*) filter (where status = 'COMPLETED') as completed,
			percentile_cont(0.5) within group (order by extract(epoch from first_claimed_at - published_at))
			  filter (where first_claimed_at is not null) / 86400 as claim_p50,
			percentile_cont(0.9) within group (order by extract(epoch from first_claimed_at - published_at))
			  filter (where first_claimed_at is not null) / 86400 as claim_p90,
			percentile_cont(0.5) within group (order by extract(epoch from completed_at - published_at))
			  filter (where completed_at is not null) / 86400 as done_p50,
			percentile_cont(0.9) within group (order by extract(epoch from completed_at - published_at))
			  filter (where completed_at is not null) / 86400 as done_p90,
			count(*) filter (where published_at <= cast(:now as timestamptz) - interval '14 days') as matured,
			count(*) filter (where published_at <= cast(:now as timestamptz) - interval '14 days'
			                   and first_claimed_at <= published_at + interval '14 days') as within14,
			count(*) filter (where first_claimed_at is null) as unclaimed,
			percentile_cont(0.5) within group (order by extract(epoch from cast(:now as timestamptz) - published_at))
			  filter (where first_claimed_at is null) / 86400 as age_p50,
			max(extract(epoch from cast(:now as timestamptz) - published_at)) filter (where first_claimed_at is null) / 86400 as age_max
			""";

	public Rates needRates(String scopeLike, UUID communityId, int year, Instant now) {
		return jdbc.sql(YEAR_NEEDS + "select " + NEED_RATES + " from n")
			.param("zone", zone.getId())
			.param("scope", scopeLike)
			.param("community", communityId)
			.param("year", year)
			.param("now", ts(now))
			.query((rs, n) -> rates(rs, year))
			.single();
	}

	/** The same rates for every community of the scope that published needs that year, in one pass. */
	public Map<UUID, Rates> needRatesByCommunity(String scopeLike, int year, Instant now) {
		Map<UUID, Rates> rates = new java.util.LinkedHashMap<>();
		jdbc.sql(YEAR_NEEDS + "select community_id, " + NEED_RATES + " from n group by community_id")
			.param("zone", zone.getId())
			.param("scope", scopeLike)
			.param("community", null)
			.param("year", year)
			.param("now", ts(now))
			.query((rs, n) -> rates.put(rs.getObject("community_id", UUID.class), rates(rs, year)))
			.list();
		return rates;
	}

	/** A unit's rates: the needs and projects it claimed in a year, from publishing to its claim, claim to acceptance. */
	public Rates partnerRates(UUID partnerId, int year, Instant now) {
		return jdbc.sql("""
				with n as (
				  select i.published_at, c.claimed_at as first_claimed_at, c.accepted_at as completed_at, c.status
				    from partnership.claim c join partnership.list_item i on i.id = c.item_id
				   where c.partner_id = :partner and c.claimer_kind = 'PARTNER'
				     and extract(year from c.claimed_at at time zone :zone) = :year)
				select count(*) as published,
				       count(*) as claimed,
				       count(*) filter (where status = 'ACCEPTED') as completed,
				       percentile_cont(0.5) within group (order by extract(epoch from first_claimed_at - published_at)) / 86400 as claim_p50,
				       percentile_cont(0.9) within group (order by extract(epoch from first_claimed_at - published_at)) / 86400 as claim_p90,
				       percentile_cont(0.5) within group (order by extract(epoch from completed_at - first_claimed_at))
				         filter (where completed_at is not null) / 86400 as done_p50,
				       percentile_cont(0.9) within group (order by extract(epoch from completed_at - first_claimed_at))
				         filter (where completed_at is not null) / 86400 as done_p90,
				       count(*) filter (where published_at <= cast(:now as timestamptz) - interval '14 days') as matured,
				       count(*) filter (where published_at <= cast(:now as timestamptz) - interval '14 days'
				                          and first_claimed_at <= published_at + interval '14 days') as within14,
				       0 as unclaimed, null::float8 as age_p50, null::float8 as age_max
				  from n""")
			.param("zone", zone.getId())
			.param("partner", partnerId)
			.param("year", year)
			.param("now", ts(now))
			.query((rs, n) -> rates(rs, year))
			.single();
	}

	private static Rates rates(ResultSet rs, int year) throws SQLException {
		long published = rs.getLong("published");
		long claimed = rs.getLong("claimed");
		long completed = rs.getLong("completed");
		long matured = rs.getLong("matured");
		return new Rates(year, published, claimed, completed, ratio(claimed, published), ratio(completed, claimed),
				round(dbl(rs, "claim_p50")), round(dbl(rs, "claim_p90")), round(dbl(rs, "done_p50")),
				round(dbl(rs, "done_p90")), ratio(rs.getLong("within14"), matured), rs.getLong("unclaimed"),
				round(dbl(rs, "age_p50")), round(dbl(rs, "age_max")));
	}

	private static Double ratio(long part, long whole) {
		return whole == 0 ? null : Math.round(10000.0 * part / whole) / 10000.0;
	}

	private static Double round(Double days) {
		return days == null ? null : Math.round(days * 100) / 100.0;
	}
}
