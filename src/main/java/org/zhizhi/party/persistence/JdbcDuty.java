package org.zhizhi.party.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.party.DutyGrid;
import org.zhizhi.party.DutyPost;
import org.zhizhi.party.DutyPostKind;
import org.zhizhi.party.DutyShift;
import org.zhizhi.party.PostHolder;
import org.zhizhi.party.ShiftPattern;
import org.zhizhi.shared.DataScope;

/**
 * The duty posts (党员示范岗, 责任区), the grids they cover and their rosters. A post is inside a scope when its
 * organisation is, or when one of its grids is: a grid worker sees the community branch's post that covers his grid.
 */
@Repository
public class JdbcDuty {

	/** A post inside the scope {@code :scope}. */
	private static final String POST_IN_SCOPE = """
			(p.scope_path LIKE :scope OR EXISTS (SELECT 1 FROM party.duty_post_grid g
			                                      WHERE g.post_id = p.id AND g.grid_path LIKE :scope))
			""";

	private static final String POST = """
			SELECT p.id, p.org_id, o.name AS org_name, p.kind, p.name, p.duty, p.closed_at,
			       array(SELECT g.grid_id FROM party.duty_post_grid g WHERE g.post_id = p.id
			              ORDER BY g.grid_name, g.grid_id) AS grid_ids,
			       array(SELECT g.grid_name FROM party.duty_post_grid g WHERE g.post_id = p.id
			              ORDER BY g.grid_name, g.grid_id) AS grid_names
			  FROM party.duty_post p
			  JOIN party.party_org o ON o.id = p.org_id
			""";

	private static final String SHIFT = """
			SELECT s.id, s.post_id, s.member_id, m.name AS member_name, s.pattern, s.starts_at, s.ends_at,
			       s.day_of_week, s.start_time, s.end_time, s.valid_from, s.valid_until
			  FROM party.duty_shift s
			  JOIN party.member m ON m.id = s.member_id
			""";

	private final JdbcClient jdbc;

	JdbcDuty(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insertPost(DutyPost post, String scopePath, UUID districtId, Map<UUID, String> gridPaths,
			Instant now, UUID by) {
		jdbc.sql("""
				INSERT INTO party.duty_post (id, org_id, kind, name, duty, scope_path, district_id, created_at,
				       created_by)
				VALUES (:id, :orgId, :kind, :name, :duty, :scopePath, :districtId, :now, :by)
				""")
			.param("id", post.id())
			.param("orgId", post.orgId())
			.param("kind", post.kind().name())
			.param("name", post.name())
			.param("duty", post.duty())
			.param("scopePath", scopePath)
			.param("districtId", districtId)
			.param("now", Timestamp.from(now))
			.param("by", by)
			.update();
		for (DutyGrid grid : post.grids()) {
			jdbc.sql("""
					INSERT INTO party.duty_post_grid (post_id, grid_id, grid_name, grid_path, post_path, district_id)
					VALUES (:postId, :gridId, :gridName, :gridPath, :postPath, :districtId)
					""")
				.param("postId", post.id())
				.param("gridId", grid.id())
				.param("gridName", grid.name())
				.param("gridPath", gridPaths.get(grid.id()))
				.param("postPath", scopePath)
				.param("districtId", districtId)
				.update();
		}
	}

	/** Whether an open post of the organisation already has the name. */
	public boolean postNameTaken(UUID orgId, String name) {
		return jdbc.sql("SELECT count(*) FROM party.duty_post WHERE org_id = :orgId AND name = :name AND closed_at IS NULL")
			.param("orgId", orgId)
			.param("name", name)
			.query(Long.class)
			.single() > 0;
	}

	/** Closes the post if it is still open; the row count says whether this call closed it. */
	public boolean closePost(UUID id, Instant now, UUID by) {
		return jdbc.sql("UPDATE party.duty_post SET closed_at = :now, closed_by = :by WHERE id = :id AND closed_at IS NULL")
			.param("id", id)
			.param("now", Timestamp.from(now))
			.param("by", by)
			.update() == 1;
	}

	public Optional<DutyPost> post(DataScope scope, UUID id) {
		return jdbc.sql(POST + " WHERE p.id = :id AND " + POST_IN_SCOPE)
			.param("id", id)
			.param("scope", scope.likePattern())
			.query(JdbcDuty::post)
			.optional();
	}

	/** The posts inside the scope, of one organisation if given, open ones first, by organisation and name. */
	public List<DutyPost> posts(DataScope scope, UUID orgId, int limit) {
		return jdbc.sql(POST + " WHERE " + POST_IN_SCOPE + """
				   AND (CAST(:orgId AS uuid) IS NULL OR p.org_id = CAST(:orgId AS uuid))
				 ORDER BY p.closed_at IS NOT NULL, o.name, p.name, p.id
				 LIMIT :limit
				""")
			.param("scope", scope.likePattern())
			.param("orgId", orgId)
			.param("limit", limit)
			.query(JdbcDuty::post)
			.list();
	}

	private static DutyPost post(ResultSet rs, int row) throws SQLException {
		Object[] ids = (Object[]) rs.getArray("grid_ids").getArray();
		Object[] names = (Object[]) rs.getArray("grid_names").getArray();
		List<DutyGrid> grids = new ArrayList<>();
		for (int i = 0; i < ids.length; i++) {
			grids.add(new DutyGrid((UUID) ids[i], (String) names[i]));
		}
		Timestamp closed = rs.getTimestamp("closed_at");
		return new DutyPost(rs.getObject("id", UUID.class), rs.getObject("org_id", UUID.class),
				rs.getString("org_name"), DutyPostKind.valueOf(rs.getString("kind")), rs.getString("name"),
				rs.getString("duty"), List.copyOf(grids), closed == null ? null : closed.toInstant());
	}

	// --- shifts --------------------------------------------------------------------------------------------------

	public void insertShift(DutyShift shift, UUID districtId, Instant now, UUID by) {
		jdbc.sql("""
				INSERT INTO party.duty_shift (id, post_id, member_id, pattern, starts_at, ends_at, day_of_week,
				       start_time, end_time, valid_from, valid_until, district_id, created_at, created_by)
				VALUES (:id, :postId, :memberId, :pattern, :startsAt, :endsAt, :dayOfWeek, :startTime, :endTime,
				        :validFrom, :validUntil, :districtId, :now, :by)
				""")
			.param("id", shift.id())
			.param("postId", shift.postId())
			.param("memberId", shift.memberId())
			.param("pattern", shift.pattern().name())
			.param("startsAt", shift.startsAt() == null ? null : Timestamp.from(shift.startsAt()))
			.param("endsAt", shift.endsAt() == null ? null : Timestamp.from(shift.endsAt()))
			.param("dayOfWeek", shift.dayOfWeek() == null ? null : shift.dayOfWeek().getValue())
			.param("startTime", shift.startTime())
			.param("endTime", shift.endTime())
			.param("validFrom", shift.validFrom())
			.param("validUntil", shift.validUntil())
			.param("districtId", districtId)
			.param("now", Timestamp.from(now))
			.param("by", by)
			.update();
	}

	/** Takes the shift off its post's roster if it is still on it; the row count says whether this call did. */
	public boolean removeShift(UUID postId, UUID shiftId, Instant now, UUID by) {
		return jdbc.sql("""
				UPDATE party.duty_shift SET removed_at = :now, removed_by = :by
				 WHERE id = :id AND post_id = :postId AND removed_at IS NULL
				""")
			.param("id", shiftId)
			.param("postId", postId)
			.param("now", Timestamp.from(now))
			.param("by", by)
			.update() == 1;
	}

	/** The roster of a post: its shifts still on it, weekly ones by day and time, once-shifts by start. */
	public List<DutyShift> roster(UUID postId) {
		return jdbc.sql(SHIFT + """
				 WHERE s.post_id = :postId AND s.removed_at IS NULL
				 ORDER BY s.pattern DESC, s.day_of_week, s.start_time, s.starts_at, m.name, s.id
				""")
			.param("postId", postId)
			.query(JdbcDuty::shift)
			.list();
	}

	/**
	 * The candidates to be on duty at a moment in the grids: the open posts covering a grid inside the scope, and
	 * their shifts on the roster of active members that may cover the moment — a once-shift around it, a weekly
	 * shift of the moment's local weekday or the day before (one running past midnight). Which of them covers it is
	 * the shift's own rule ({@link DutyShift#coveringUntil}). Keyed by the grid it is found for.
	 */
	public List<Candidate> candidates(DataScope scope, Collection<UUID> gridIds, Instant at, DayOfWeek today) {
		if (gridIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(SHIFT.replace("SELECT s.id", """
				SELECT g.grid_id, g.grid_name, p.name AS post_name, p.kind AS post_kind, m.account_id, s.id""") + """
				  JOIN party.duty_post p ON p.id = s.post_id
				  JOIN party.duty_post_grid g ON g.post_id = p.id
				 WHERE g.grid_id IN (:grids) AND g.grid_path LIKE :scope
				   AND p.closed_at IS NULL AND s.removed_at IS NULL AND m.status = 'ACTIVE'
				   AND ((s.pattern = 'ONCE' AND s.starts_at <= :at AND s.ends_at > :at)
				        OR (s.pattern = 'WEEKLY' AND s.day_of_week IN (:today, :yesterday)))
				 ORDER BY g.grid_name, g.grid_id, p.name, m.name, s.id
				""")
			.param("grids", gridIds)
			.param("scope", scope.likePattern())
			.param("at", Timestamp.from(at))
			.param("today", today.getValue())
			.param("yesterday", today.minus(1).getValue())
			.query((rs, row) -> new Candidate(shift(rs, row), rs.getObject("account_id", UUID.class),
					rs.getString("post_name"), DutyPostKind.valueOf(rs.getString("post_kind")),
					rs.getObject("grid_id", UUID.class), rs.getString("grid_name")))
			.list();
	}

	/**
	 * The active members on the roster of the open posts of a kind covering a grid inside the scope, one row per
	 * member, post and grid: a shift still on the roster and not over — a once-shift not yet ended, a weekly one
	 * valid on {@code day} or later.
	 */
	public List<PostHolder> holders(DataScope scope, Collection<UUID> gridIds, DutyPostKind kind, Instant at,
			LocalDate day) {
		if (gridIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT DISTINCT m.id AS member_id, m.name AS member_name, m.account_id, p.id AS post_id,
				       p.name AS post_name, g.grid_id, g.grid_name
				  FROM party.duty_shift s
				  JOIN party.member m ON m.id = s.member_id
				  JOIN party.duty_post p ON p.id = s.post_id
				  JOIN party.duty_post_grid g ON g.post_id = p.id
				 WHERE g.grid_id IN (:grids) AND g.grid_path LIKE :scope AND p.kind = :kind
				   AND p.closed_at IS NULL AND s.removed_at IS NULL AND m.status = 'ACTIVE'
				   AND ((s.pattern = 'ONCE' AND s.ends_at > :at)
				        OR (s.pattern = 'WEEKLY' AND (s.valid_until IS NULL OR s.valid_until >= :day)))
				 ORDER BY g.grid_name, g.grid_id, p.name, m.name, m.id
				""")
			.param("grids", gridIds)
			.param("scope", scope.likePattern())
			.param("kind", kind.name())
			.param("at", Timestamp.from(at))
			.param("day", day)
			.query((rs, row) -> new PostHolder(rs.getObject("member_id", UUID.class), rs.getString("member_name"),
					rs.getObject("account_id", UUID.class), rs.getObject("post_id", UUID.class),
					rs.getString("post_name"), rs.getObject("grid_id", UUID.class), rs.getString("grid_name")))
			.list();
	}

	/** A shift that may cover the moment, with what the caller needs to reach the member and the grid it is for. */
	public record Candidate(DutyShift shift, UUID accountId, String postName, DutyPostKind postKind, UUID gridId,
			String gridName) {
	}

	private static DutyShift shift(ResultSet rs, int row) throws SQLException {
		Timestamp starts = rs.getTimestamp("starts_at");
		Timestamp ends = rs.getTimestamp("ends_at");
		int day = rs.getInt("day_of_week");
		DayOfWeek dayOfWeek = rs.wasNull() ? null : DayOfWeek.of(day);
		return new DutyShift(rs.getObject("id", UUID.class), rs.getObject("post_id", UUID.class),
				rs.getObject("member_id", UUID.class), rs.getString("member_name"),
				ShiftPattern.valueOf(rs.getString("pattern")), starts == null ? null : starts.toInstant(),
				ends == null ? null : ends.toInstant(), dayOfWeek,
				rs.getObject("start_time", LocalTime.class), rs.getObject("end_time", LocalTime.class),
				rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_until", LocalDate.class));
	}

	/** The post's organisation's path and district, for rows that hang on it. */
	public Optional<Map.Entry<String, UUID>> placementOfPost(UUID postId) {
		return jdbc.sql("SELECT scope_path, district_id FROM party.duty_post WHERE id = :id")
			.param("id", postId)
			.query((rs, row) -> Map.entry(rs.getString(1), rs.getObject(2, UUID.class)))
			.optional();
	}
}
