package org.zhizhi.wish.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.wish.DispatchKind;
import org.zhizhi.wish.Taker;
import org.zhizhi.wish.TakerKind;
import org.zhizhi.wish.Wish;
import org.zhizhi.wish.WishAction;
import org.zhizhi.wish.WishCategory;
import org.zhizhi.wish.WishEvent;
import org.zhizhi.wish.WishState;
import org.zhizhi.wish.WishStep;
import org.zhizhi.wish.WishTaken;

/**
 * The wish tables. Every read of a wish binds the caller's scope (or states in SQL the relation that reaches it
 * beyond it); a step is saved with one UPDATE against the version it was read with, whose row count decides a race;
 * the timeline and the takers are insert-only.
 */
@Repository
public class JdbcWishes {

	private static final String COLUMNS = """
			id, district_id, org_unit_id, scope_path, community_id, community_code, community_name, state, title,
			description, public_label, category, beneficiary_name, beneficiary_resident_id, beneficiary_address, due_on,
			photo_id, max_takers, taker_count, posted_by, posted_by_name, posted_on_behalf, posted_at, vetted_by,
			vetted_at, refusal_reason, published_at, dispatch_kind, dispatch_account_id, dispatch_name, fulfilled_at,
			fulfilled_by, fulfilment_note, fulfilment_photo_id, confirmed_at, confirmed_by, thanks, raised_at, updated_at""";

	/** What a read answers: the columns and the version the step is saved against. */
	private static final String SELECT = "SELECT " + COLUMNS + ", version";

	/** What a step may change: everything but where the wish is, for whom, and who posted it when. */
	private static final String SAVE = """
			UPDATE wish.wish SET state = :state, title = :title, description = :description, public_label = :public_label,
			       category = :category, due_on = :due_on, max_takers = :max_takers, taker_count = :taker_count,
			       vetted_by = :vetted_by, vetted_at = :vetted_at, refusal_reason = :refusal_reason,
			       published_at = :published_at, dispatch_kind = :dispatch_kind,
			       dispatch_account_id = :dispatch_account_id, dispatch_name = :dispatch_name,
			       fulfilled_at = :fulfilled_at, fulfilled_by = :fulfilled_by, fulfilment_note = :fulfilment_note,
			       fulfilment_photo_id = :fulfilment_photo_id, confirmed_at = :confirmed_at,
			       confirmed_by = :confirmed_by, thanks = :thanks, raised_at = :raised_at, updated_at = :updated_at,
			       version = version + 1
			 WHERE id = :id AND version = :version""";

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate named;

	private final ApplicationEventPublisher events;

	JdbcWishes(JdbcClient jdbc, NamedParameterJdbcTemplate named, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.named = named;
		this.events = events;
	}

	/** A new wish, and what it registered. */
	public void add(Wish wish) {
		insertAll(List.of(wish));
		wish.publishEvents(events::publishEvent);
	}

	/**
	 * Saves a step against the version the wish was read with and publishes what it registered; answers false, saving
	 * nothing, when someone else changed it first (the caller reads it again). A take also writes its taker row,
	 * whose key (wish, taker) refuses a second take by the same member or unit.
	 */
	public boolean save(Wish wish) {
		MapSqlParameterSource params = params(wish).addValue("version", wish.version());
		if (named.update(SAVE, params) != 1) {
			return false;
		}
		for (WishEvent event : wish.events()) {
			if (event instanceof WishTaken taken && !addTaker(wish.id(), taken.taker())) {
				throw new DomainException(Category.CONFLICT, "ALREADY_TAKEN", "wish.alreadyTaken");
			}
		}
		wish.saved();
		wish.publishEvents(events::publishEvent);
		return true;
	}

	/** Many wishes in one batch (history imports). */
	public void insertAll(List<Wish> wishes) {
		String names = COLUMNS.replaceAll("\\s+", " ");
		String values = ":" + String.join(", :", names.split(",\\s*"));
		MapSqlParameterSource[] batch = wishes.stream().map(JdbcWishes::params).toArray(MapSqlParameterSource[]::new);
		named.batchUpdate("INSERT INTO wish.wish (" + names + ") VALUES (" + values + ")", batch);
	}

	private static MapSqlParameterSource params(Wish w) {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("id", w.id());
		p.put("district_id", w.districtId());
		p.put("org_unit_id", w.orgUnitId());
		p.put("scope_path", w.scopePath());
		p.put("community_id", w.communityId());
		p.put("community_code", w.communityCode());
		p.put("community_name", w.communityName());
		p.put("state", w.state().name());
		p.put("title", w.title());
		p.put("description", w.description());
		p.put("public_label", w.publicLabel());
		p.put("category", w.category().name());
		p.put("beneficiary_name", w.beneficiaryName());
		p.put("beneficiary_resident_id", w.beneficiaryResidentId());
		p.put("beneficiary_address", w.beneficiaryAddress());
		p.put("due_on", w.dueOn());
		p.put("photo_id", w.photoId());
		p.put("max_takers", w.maxTakers());
		p.put("taker_count", w.takerCount());
		p.put("posted_by", w.postedBy());
		p.put("posted_by_name", w.postedByName());
		p.put("posted_on_behalf", w.postedOnBehalf());
		p.put("posted_at", ts(w.postedAt()));
		p.put("vetted_by", w.vettedBy());
		p.put("vetted_at", ts(w.vettedAt()));
		p.put("refusal_reason", w.refusalReason());
		p.put("published_at", ts(w.publishedAt()));
		p.put("dispatch_kind", w.dispatchKind() == null ? null : w.dispatchKind().name());
		p.put("dispatch_account_id", w.dispatchAccountId());
		p.put("dispatch_name", w.dispatchName());
		p.put("fulfilled_at", ts(w.fulfilledAt()));
		p.put("fulfilled_by", w.fulfilledBy());
		p.put("fulfilment_note", w.fulfilmentNote());
		p.put("fulfilment_photo_id", w.fulfilmentPhotoId());
		p.put("confirmed_at", ts(w.confirmedAt()));
		p.put("confirmed_by", w.confirmedBy());
		p.put("thanks", w.thanks());
		p.put("raised_at", ts(w.raisedAt()));
		p.put("updated_at", ts(w.updatedAt()));
		return new MapSqlParameterSource(p);
	}

	/** A wish of the scope. */
	public Optional<Wish> find(DataScope scope, UUID id) {
		return findIn(List.of(scope), id);
	}

	/**
	 * A wish of any of the scopes: a taker's reach is his own scope and, for an in-service member, the community of his
	 * dual registration (双报到), which lies outside the scope his account is bound to.
	 */
	public Optional<Wish> findIn(List<DataScope> scopes, UUID id) {
		return jdbc.sql(SELECT + " FROM wish.wish WHERE id = :id AND scope_path LIKE ANY (ARRAY[:scopes])")
			.param("id", id)
			.param("scopes", patterns(scopes))
			.query(JdbcWishes::wish)
			.optional();
	}

	/**
	 * A wish of any of the scopes, or one this account took — himself, or through his partner unit {@code unitId} (his
	 * own id when he has none): what he took stays his to finish even outside his reach, once his dual registration
	 * has ended or his binding moved.
	 */
	public Optional<Wish> findInOrTakenBy(List<DataScope> scopes, UUID accountId, UUID unitId, UUID id) {
		return jdbc.sql(SELECT + " FROM wish.wish w WHERE w.id = :id AND (w.scope_path LIKE ANY (ARRAY[:scopes]) OR "
				+ TAKEN_BY + ")")
			.param("id", id)
			.param("scopes", patterns(scopes))
			.param("account", accountId)
			.param("unit", unitId)
			.query(JdbcWishes::wish)
			.optional();
	}

	/** One of the takers is this account, or (a UNIT taker row) his partner unit. */
	private static final String TAKEN_BY = """
			EXISTS (SELECT 1 FROM wish.taker t WHERE t.wish_id = w.id
			                AND (t.account_id = :account OR (t.taker_kind = 'UNIT' AND t.taker_id = :unit)))""";

	/**
	 * A wish this account posted — the poster reaches his own wish wherever he now works — or, for the desk
	 * ({@code desk}), one of its scope.
	 */
	public Optional<Wish> findPostedByOrIn(UUID accountId, boolean desk, DataScope scope, UUID id) {
		return jdbc.sql(SELECT + " " + """
				 FROM wish.wish w WHERE w.id = :id
				   AND (w.posted_by = :account OR (:desk AND w.scope_path LIKE :scope))""")
			.param("id", id)
			.param("account", accountId)
			.param("desk", desk)
			.param("scope", scope.likePattern())
			.query(JdbcWishes::wish)
			.optional();
	}

	/**
	 * A wish as one person may see it, every rule in the statement: its poster; the desk of its scope ({@code desk});
	 * and for a member or liaison ({@code taker}) what he (or his partner unit {@code unitId}, his own id when he has
	 * none) took — wherever it lies, even once his dual registration has ended — and, within his reach (his scope and
	 * the community of his dual registration), what is on the wall or was dispatched to him. A wish still being
	 * vetted does not exist for him.
	 */
	public Optional<Wish> findVisible(UUID accountId, boolean desk, DataScope scope, boolean taker, UUID unitId,
			List<DataScope> reach, UUID id) {
		return jdbc.sql(SELECT + " " + """
				 FROM wish.wish w WHERE w.id = :id
				   AND (w.posted_by = :account
				        OR (:desk AND w.scope_path LIKE :scope)
				        OR (:taker AND (""" + TAKEN_BY + """

				                        OR (w.scope_path LIKE ANY (ARRAY[:reach])
				                            AND (w.published_at IS NOT NULL OR w.dispatch_account_id = :account)))))""")
			.param("id", id)
			.param("account", accountId)
			.param("desk", desk)
			.param("scope", scope.likePattern())
			.param("taker", taker)
			.param("unit", unitId)
			.param("reach", patterns(reach))
			.query(JdbcWishes::wish)
			.optional();
	}

	/** The wishes of a scope in the given states (all states when empty), newest first. */
	public List<Wish> list(DataScope scope, Collection<WishState> states, int limit, int offset) {
		return jdbc.sql(SELECT + " " + """
				 FROM wish.wish WHERE scope_path LIKE :scope
				   AND (:all OR state IN (:states))
				 ORDER BY posted_at DESC, id LIMIT :limit OFFSET :offset""")
			.param("scope", scope.likePattern())
			.param("all", states.isEmpty())
			.param("states", states.isEmpty() ? List.of("-") : states.stream().map(Enum::name).toList())
			.param("limit", limit)
			.param("offset", offset)
			.query(JdbcWishes::wish)
			.list();
	}

	public long count(DataScope scope, WishState state) {
		return jdbc.sql("SELECT count(*) FROM wish.wish WHERE scope_path LIKE :scope AND state = :state")
			.param("scope", scope.likePattern())
			.param("state", state.name())
			.query(Long.class)
			.single();
	}

	public List<Wish> postedBy(UUID accountId, int limit) {
		return jdbc.sql(SELECT + " FROM wish.wish WHERE posted_by = :by ORDER BY posted_at DESC LIMIT :limit")
			.param("by", accountId)
			.param("limit", limit)
			.query(JdbcWishes::wish)
			.list();
	}

	/** The takeable wishes of the scopes, soonest due first: on the wall with places left, and not past their date. */
	public List<Wish> wall(List<DataScope> scopes, LocalDate today, int limit) {
		return jdbc.sql(SELECT + " " + """
				 FROM wish.wish WHERE scope_path LIKE ANY (ARRAY[:scopes]) AND state IN ('PUBLISHED', 'TAKEN')
				   AND taker_count < max_takers AND published_at IS NOT NULL AND due_on >= :today
				 ORDER BY due_on, posted_at LIMIT :limit""")
			.param("scopes", patterns(scopes))
			.param("today", today)
			.param("limit", limit)
			.query(JdbcWishes::wish)
			.list();
	}

	/** Wishes of the scopes dispatched to this account, not yet taken and not past their date. */
	public List<Wish> dispatchedTo(List<DataScope> scopes, UUID accountId, LocalDate today, int limit) {
		return jdbc.sql(SELECT + " " + """
				 FROM wish.wish WHERE scope_path LIKE ANY (ARRAY[:scopes]) AND state = 'DISPATCHED'
				   AND dispatch_account_id = :account AND due_on >= :today
				 ORDER BY due_on LIMIT :limit""")
			.param("scopes", patterns(scopes))
			.param("today", today)
			.param("account", accountId)
			.param("limit", limit)
			.query(JdbcWishes::wish)
			.list();
	}

	private static List<String> patterns(List<DataScope> scopes) {
		if (scopes.isEmpty()) {
			throw new IllegalArgumentException("no scope");
		}
		return scopes.stream().map(DataScope::likePattern).toList();
	}

	/**
	 * The wishes these took (an account, also what it recorded for a team or unit; a partner unit, whichever of its
	 * liaisons pressed the button), newest first.
	 */
	public List<Wish> takenBy(Collection<UUID> takerIds, int limit) {
		return jdbc.sql(SELECT + " " + """
				 FROM wish.wish w WHERE EXISTS (SELECT 1 FROM wish.taker t WHERE t.wish_id = w.id
				   AND (t.account_id IN (:takers) OR t.taker_id IN (:takers)))
				 ORDER BY w.posted_at DESC LIMIT :limit""")
			.param("takers", takerIds)
			.param("limit", limit)
			.query(JdbcWishes::wish)
			.list();
	}

	/** The public wall of a community: open ones soonest due first, then the fulfilled, newest first. */
	public List<Wish> publicWall(String communityCode, boolean fulfilled, int limit) {
		String states = fulfilled ? "('FULFILLED', 'CONFIRMED')" : "('PUBLISHED', 'TAKEN')";
		String order = fulfilled ? "fulfilled_at DESC" : "due_on, posted_at";
		return jdbc.sql(SELECT + " FROM wish.wish WHERE community_code = :code AND state IN " + states
				+ " AND published_at IS NOT NULL ORDER BY " + order + " LIMIT :limit")
			.param("code", communityCode)
			.param("limit", limit)
			.query(JdbcWishes::wish)
			.list();
	}

	public long countPublic(String communityCode, boolean fulfilled) {
		String states = fulfilled ? "('FULFILLED', 'CONFIRMED')" : "('PUBLISHED', 'TAKEN')";
		return jdbc.sql("SELECT count(*) FROM wish.wish WHERE community_code = :code AND published_at IS NOT NULL AND state IN "
				+ states)
			.param("code", communityCode)
			.query(Long.class)
			.single();
	}

	/** The community's name under its code, if any wish was ever posted there. */
	public Optional<String> communityName(String communityCode) {
		return jdbc.sql("SELECT community_name FROM wish.wish WHERE community_code = :code LIMIT 1")
			.param("code", communityCode)
			.query(String.class)
			.optional();
	}

	/**
	 * Unclaimed wishes whose date lies before the given day: what the expiry sweep raises. The sweep works for every
	 * community, so it lists without a scope; each wish is then read and stepped in its own district's scope.
	 */
	public List<Wish> unclaimedDueBefore(LocalDate day, int limit) {
		return jdbc.sql(SELECT + " " + """
				 FROM wish.wish WHERE state IN ('PUBLISHED', 'DISPATCHED') AND due_on < :day
				 ORDER BY due_on LIMIT :limit""")
			.param("day", day)
			.param("limit", limit)
			.query(JdbcWishes::wish)
			.list();
	}

	private static final String SHORT_OF_TAKERS = """
			state = 'TAKEN' AND taker_count < max_takers AND published_at IS NOT NULL AND due_on < :day
			   AND (raised_at IS NULL OR raised_at < published_at)""";

	/**
	 * Wishes from the wall for several takers that some took but not all by the given day, and whose community was not
	 * told of it since they were last published: what the expiry sweep reports without taking the wish from its takers.
	 */
	public List<Wish> shortOfTakersDueBefore(LocalDate day, int limit) {
		return jdbc.sql(SELECT + " FROM wish.wish WHERE " + SHORT_OF_TAKERS + " ORDER BY due_on LIMIT :limit")
			.param("day", day)
			.param("limit", limit)
			.query(JdbcWishes::wish)
			.list();
	}

	/** Answers false when this taker already has the wish (the primary key decides). */
	private boolean addTaker(UUID wishId, Taker taker) {
		return jdbc.sql("""
				INSERT INTO wish.taker (wish_id, taker_id, taker_name, taker_kind, account_id, taken_at)
				VALUES (:wish, :taker, :name, :kind, :account, :at) ON CONFLICT DO NOTHING""")
			.param("wish", wishId)
			.param("taker", taker.takerId())
			.param("name", taker.name())
			.param("kind", taker.kind().name())
			.param("account", taker.accountId())
			.param("at", Timestamp.from(taker.takenAt()))
			.update() == 1;
	}

	public List<Taker> takers(UUID wishId) {
		return takers(List.of(wishId)).getOrDefault(wishId, List.of());
	}

	public Map<UUID, List<Taker>> takers(Collection<UUID> wishIds) {
		Map<UUID, List<Taker>> byWish = new HashMap<>();
		if (wishIds.isEmpty()) {
			return byWish;
		}
		jdbc.sql("""
				SELECT wish_id, taker_id, taker_name, taker_kind, account_id, taken_at FROM wish.taker
				 WHERE wish_id IN (:ids) ORDER BY taken_at, taker_id""")
			.param("ids", wishIds)
			.query((rs, n) -> {
				byWish.computeIfAbsent(rs.getObject("wish_id", UUID.class), k -> new java.util.ArrayList<>())
					.add(new Taker(rs.getObject("taker_id", UUID.class), rs.getString("taker_name"),
							TakerKind.valueOf(rs.getString("taker_kind")), rs.getObject("account_id", UUID.class),
							rs.getTimestamp("taken_at").toInstant()));
				return null;
			})
			.list();
		return byWish;
	}

	public void insertTakers(Map<UUID, List<Taker>> takers) {
		List<MapSqlParameterSource> batch = new java.util.ArrayList<>();
		takers.forEach((wish, list) -> list.forEach(t -> batch.add(new MapSqlParameterSource(Map.of("wish", wish,
				"taker", t.takerId(), "name", t.name(), "kind", t.kind().name(), "at", Timestamp.from(t.takenAt())))
			.addValue("account", t.accountId()))));
		named.batchUpdate("""
				INSERT INTO wish.taker (wish_id, taker_id, taker_name, taker_kind, account_id, taken_at)
				VALUES (:wish, :taker, :name, :kind, :account, :at)""", batch.toArray(MapSqlParameterSource[]::new));
	}

	public void append(UUID districtId, WishStep step) {
		appendAll(districtId, List.of(step));
	}

	public void appendAll(UUID districtId, List<WishStep> steps) {
		MapSqlParameterSource[] batch = steps.stream()
			.map(s -> new MapSqlParameterSource().addValue("id", s.id())
				.addValue("wish", s.wishId())
				.addValue("district", districtId)
				.addValue("at", Timestamp.from(s.at()))
				.addValue("actor", s.actorId())
				.addValue("name", s.actorName())
				.addValue("action", s.action().name())
				.addValue("from", s.fromState() == null ? null : s.fromState().name())
				.addValue("to", s.toState().name())
				.addValue("note", s.note()))
			.toArray(MapSqlParameterSource[]::new);
		named.batchUpdate("""
				INSERT INTO wish.timeline (id, wish_id, district_id, at, actor_id, actor_name, action, from_state, to_state, note)
				VALUES (:id, :wish, :district, :at, :actor, :name, :action, :from, :to, :note)""", batch);
	}

	public List<WishStep> timeline(UUID wishId) {
		return jdbc.sql("""
				SELECT id, wish_id, at, actor_id, actor_name, action, from_state, to_state, note
				  FROM wish.timeline WHERE wish_id = :id ORDER BY at, id""")
			.param("id", wishId)
			.query((rs, n) -> new WishStep(rs.getObject("id", UUID.class), rs.getObject("wish_id", UUID.class),
					rs.getTimestamp("at").toInstant(), rs.getObject("actor_id", UUID.class), rs.getString("actor_name"),
					WishAction.valueOf(rs.getString("action")),
					rs.getString("from_state") == null ? null : WishState.valueOf(rs.getString("from_state")),
					WishState.valueOf(rs.getString("to_state")), rs.getString("note")))
			.list();
	}

	private static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp ts = rs.getTimestamp(column);
		return ts == null ? null : ts.toInstant();
	}

	private static Wish wish(ResultSet rs, int row) throws SQLException {
		String dispatch = rs.getString("dispatch_kind");
		return new Wish(rs.getObject("id", UUID.class), rs.getObject("district_id", UUID.class),
				rs.getObject("org_unit_id", UUID.class), rs.getString("scope_path"),
				rs.getObject("community_id", UUID.class), rs.getString("community_code"),
				rs.getString("community_name"), WishState.valueOf(rs.getString("state")), rs.getString("title"),
				rs.getString("description"), rs.getString("public_label"),
				WishCategory.valueOf(rs.getString("category")), rs.getString("beneficiary_name"),
				rs.getObject("beneficiary_resident_id", UUID.class), rs.getString("beneficiary_address"),
				rs.getObject("due_on", LocalDate.class), rs.getObject("photo_id", UUID.class),
				rs.getInt("max_takers"), rs.getInt("taker_count"), rs.getObject("posted_by", UUID.class),
				rs.getString("posted_by_name"), rs.getBoolean("posted_on_behalf"), instant(rs, "posted_at"),
				rs.getObject("vetted_by", UUID.class), instant(rs, "vetted_at"), rs.getString("refusal_reason"),
				instant(rs, "published_at"), dispatch == null ? null : DispatchKind.valueOf(dispatch),
				rs.getObject("dispatch_account_id", UUID.class), rs.getString("dispatch_name"),
				instant(rs, "fulfilled_at"), rs.getObject("fulfilled_by", UUID.class),
				rs.getString("fulfilment_note"), rs.getObject("fulfilment_photo_id", UUID.class),
				instant(rs, "confirmed_at"), rs.getObject("confirmed_by", UUID.class), rs.getString("thanks"),
				instant(rs, "raised_at"), instant(rs, "updated_at"), rs.getInt("version"));
	}
}
