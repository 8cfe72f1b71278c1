package org.zhizhi.partnership.persistence;

import static org.zhizhi.partnership.persistence.Rows.date;
import static org.zhizhi.partnership.persistence.Rows.dbl;
import static org.zhizhi.partnership.persistence.Rows.instant;
import static org.zhizhi.partnership.persistence.Rows.ts;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.partnership.ClaimStatus;
import org.zhizhi.partnership.Item;
import org.zhizhi.partnership.ItemCategory;
import org.zhizhi.partnership.ItemEvent;
import org.zhizhi.partnership.ItemKind;
import org.zhizhi.partnership.ItemLifecycle;
import org.zhizhi.partnership.ItemStatus;
import org.zhizhi.partnership.ItemTaken;
import org.zhizhi.partnership.ListItem;
import org.zhizhi.partnership.Measure;
import org.zhizhi.shared.DataScope;

/**
 * The three lists' items (needs, resources, projects): what is left of each and its state. Every read that serves a
 * user takes the scope path as a bound LIKE prefix.
 */
@Repository
public class JdbcListItems {

	/** The states an item still has a step from, by the table: what an agenda may still do something about. */
	private static final List<String> UNFINISHED = EnumSet.allOf(ItemStatus.class)
		.stream()
		.filter(s -> !ItemLifecycle.TABLE.actionsFrom(s).isEmpty())
		.map(ItemStatus::name)
		.toList();

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	JdbcListItems(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

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

	public List<ListItem> items(DataScope scope, UUID communityId, ItemKind kind, ItemStatus status, int limit) {
		return jdbc.sql("select " + ITEM_COLUMNS + """
				 where i.scope_path like :scope
				   and (cast(:community as uuid) is null or i.community_id = :community)
				   and (cast(:kind as varchar) is null or i.kind = :kind)
				   and (cast(:status as varchar) is null or i.status = :status)
				 order by case i.status when 'OPEN' then 0 when 'FULLY_CLAIMED' then 1 when 'COMPLETED' then 2 else 3 end,
				          i.published_at desc
				 limit :limit""")
			.param("scope", scope.likePattern())
			.param("community", communityId)
			.param("kind", kind == null ? null : kind.name())
			.param("status", status == null ? null : status.name())
			.param("limit", limit)
			.query(JdbcListItems::item)
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
	public Map<ItemKind, Long> openCounts(DataScope scope, UUID communityId) {
		return countsByKind(scope, communityId, "status = 'OPEN'");
	}

	/** Items of each list of a community (within the scope) that were published and not withdrawn. */
	public Map<ItemKind, Long> publishedTotals(DataScope scope, UUID communityId) {
		return countsByKind(scope, communityId, "status <> 'WITHDRAWN'");
	}

	/** Counts of a community's items per list, every list present; {@code statusCondition} is a constant of this class. */
	private Map<ItemKind, Long> countsByKind(DataScope scope, UUID communityId, String statusCondition) {
		Map<ItemKind, Long> counts = new EnumMap<>(ItemKind.class);
		for (ItemKind kind : ItemKind.values()) {
			counts.put(kind, 0L);
		}
		jdbc.sql("select kind, count(*) from partnership.list_item where scope_path like :scope"
				+ " and community_id = :community and " + statusCondition + " group by kind")
			.param("scope", scope.likePattern())
			.param("community", communityId)
			.query((rs, n) -> counts.put(ItemKind.valueOf(rs.getString(1)), rs.getLong(2)))
			.list();
		return counts;
	}

	/**
	 * The open resources of the scope a need could draw on: its category or one of its {@code words} (a regular
	 * expression, or null) in the title or description, something left, available in its period —
	 * filtered here rather than after a capped read, so that a scope with many resources never hides the fitting ones.
	 */
	public List<ListItem> openResourcesFor(DataScope scope, ItemCategory category, String words, LocalDate from,
			LocalDate to, int limit) {
		return jdbc.sql("select " + ITEM_COLUMNS + """
				 where i.scope_path like :scope and i.kind = 'RESOURCE' and i.status = 'OPEN'
				   and (i.category = :category
				        or :hasWords and (i.title || ' ' || coalesce(i.description, '')) ~ :words)
				   and i.claimed < i.quantity
				   and i.period_end >= :from and i.period_start <= :to
				 order by i.published_at desc
				 limit :limit""")
			.param("scope", scope.likePattern())
			.param("category", category.name())
			.param("hasWords", words != null)
			.param("words", words == null ? "" : words)
			.param("from", from)
			.param("to", to)
			.param("limit", limit)
			.query(JdbcListItems::item)
			.list();
	}

	public Optional<ListItem> item(DataScope scope, UUID id) {
		return jdbc.sql("select " + ITEM_COLUMNS + " where i.id = :id and i.scope_path like :scope")
			.param("id", id)
			.param("scope", scope.likePattern())
			.query(JdbcListItems::item)
			.optional();
	}

	/** The item of the scope as a step reads it: with the version its save is conditional on. */
	public Optional<Item> itemToStep(DataScope scope, UUID id) {
		return jdbc.sql("select i.* from partnership.list_item i where i.id = :id and i.scope_path like :scope")
			.param("id", id)
			.param("scope", scope.likePattern())
			.query(JdbcListItems::stepItem)
			.optional();
	}

	private static Item stepItem(ResultSet rs, int n) throws SQLException {
		return new Item(rs.getObject("id", UUID.class), rs.getObject("community_id", UUID.class),
				ItemKind.valueOf(rs.getString("kind")), rs.getObject("offered_by", UUID.class),
				rs.getBigDecimal("quantity"), ItemStatus.valueOf(rs.getString("status")), rs.getBigDecimal("claimed"),
				instant(rs, "first_claimed_at"), instant(rs, "completed_at"), rs.getInt("version"));
	}

	/**
	 * Saves the item's step and publishes what it registered; answers false, saving and publishing nothing, when
	 * someone else came first (the caller reads it again and refuses naming what it finds). A take is saved by what
	 * is left ({@link #take}), every other step against the version the item was read with.
	 */
	public boolean save(Item item) {
		List<ItemEvent> registered = item.events();
		for (ItemEvent event : registered) {
			boolean saved = event instanceof ItemTaken taken ? take(item.id(), taken.amount(), taken.at())
					: jdbc.sql("""
							update partnership.list_item set status = :status, completed_at = :completed,
							       version = version + 1
							 where id = :id and version = :version""")
						.param("id", item.id())
						.param("version", item.version())
						.param("status", item.status().name())
						.param("completed", ts(item.completedAt()))
						.update() == 1;
			if (!saved) {
				return false;
			}
		}
		item.saved();
		item.publishEvents(events::publishEvent);
		return true;
	}

	/**
	 * The unfinished items of a community within the scope — those the table still allows a step from (open to claims,
	 * or fully claimed and still being delivered) — the most recently published first; with an item id, only that one
	 * if it is one of them.
	 */
	public List<ListItem> unfinishedItems(DataScope scope, UUID communityId, UUID itemId, int limit) {
		return jdbc.sql("select " + ITEM_COLUMNS + """
				 where i.scope_path like :scope and i.community_id = :community and i.status in (:unfinished)
				   and (cast(:item as uuid) is null or i.id = :item)
				 order by i.published_at desc
				 limit :limit""")
			.param("scope", scope.likePattern())
			.param("community", communityId)
			.param("unfinished", UNFINISHED)
			.param("item", itemId)
			.param("limit", limit)
			.query(JdbcListItems::item)
			.list();
	}

	/** The project a joint meeting's decision became, if it did. */
	public Optional<ListItem> itemOfDecision(UUID decisionId) {
		return jdbc.sql("select " + ITEM_COLUMNS + " where i.decision_id = :decision")
			.param("decision", decisionId)
			.query(JdbcListItems::item)
			.optional();
	}

	/**
	 * The contested step: takes {@code amount} of the item only while it is open and that much is left. Two claimers
	 * at once queue on the row; the second re-reads the row after the first commits and finds less left. Unlike the
	 * other steps it is not saved against the version it read: claimers of parts at once must all succeed while
	 * something is left, so what is left decides, and the version moves on for the steps that are versioned. Called
	 * directly by the history import, which writes what happened rather than taking steps.
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

	/**
	 * Completes the item if {@link Item#completeIfDone} finds it done: fully claimed and every pledge on it accepted.
	 * The item's row is locked first, so that of two acceptances of its last pledges at once the second waits for the
	 * first and then sees both accepted; the save is versioned like every step. True if it completed.
	 */
	public boolean completeIfDone(UUID itemId, Instant at) {
		Optional<Item> item = jdbc.sql("select i.* from partnership.list_item i where i.id = :id for update")
			.param("id", itemId)
			.query(JdbcListItems::stepItem)
			.optional();
		if (item.isEmpty()) {
			return false;
		}
		List<ClaimStatus> pledges = jdbc.sql("select status from partnership.claim where item_id = :id")
			.param("id", itemId)
			.query((rs, n) -> ClaimStatus.valueOf(rs.getString(1)))
			.list();
		return item.get().completeIfDone(pledges, at) && save(item.get());
	}
}
