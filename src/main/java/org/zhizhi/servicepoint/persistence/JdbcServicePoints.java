package org.zhizhi.servicepoint.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.servicepoint.PointKind;
import org.zhizhi.servicepoint.ServicePointViews.BookingView;
import org.zhizhi.servicepoint.ServicePointViews.DutyView;
import org.zhizhi.servicepoint.ServicePointViews.PointFigures;
import org.zhizhi.servicepoint.ServicePointViews.PointView;
import org.zhizhi.servicepoint.ServicePointViews.RoomView;
import org.zhizhi.servicepoint.ServicePointViews.ServiceKind;
import org.zhizhi.servicepoint.ServicePointViews.StatedFigure;
import org.zhizhi.shared.DataScope;

/**
 * Points, their services, rooms, roster and bookings. A point is seen by those of its node and below (the desk) and
 * by those above and below its node on the same branch — a resident of a grid sees his community's points; a desk
 * changes only the points of its scope. A booking's overlap is refused by the table's exclusion constraint.
 */
@Repository
public class JdbcServicePoints {

	private static final String POINT_COLUMNS = """
			p.id, p.org_unit_id, p.org_unit_name, p.name, p.kind, p.address, p.lat, p.lng, p.hours, p.phone,
			       coalesce((SELECT array_agg(s.kind ORDER BY k.sort_order) FROM servicepoint.point_service s
			                   JOIN servicepoint.service_kind k ON k.code = s.kind WHERE s.point_id = p.id), '{}'),
			       (SELECT count(*) FROM servicepoint.room r WHERE r.point_id = p.id)""";

	/** On the reader's branch: inside his scope, or his scope inside the point's node. */
	private static final String ON_BRANCH = "(p.scope_path LIKE :scope OR :path LIKE p.scope_path || '%')";

	private static final String BOOKING_COLUMNS = """
			b.id, b.room_id, r.name, b.point_id, p.name, b.title, lower(b.period), upper(b.period), b.expected,
			       b.attendance, b.state, b.booked_by, b.booked_by_name
			  FROM servicepoint.booking b JOIN servicepoint.room r ON r.id = b.room_id
			  JOIN servicepoint.point p ON p.id = b.point_id""";

	private final JdbcClient jdbc;

	JdbcServicePoints(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<ServiceKind> kinds() {
		return jdbc.sql("SELECT code, name_zh, name_en FROM servicepoint.service_kind ORDER BY sort_order")
			.query((rs, n) -> new ServiceKind(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	/** A point row: who made it, where in the tree; false if the node has a point of that name. */
	public record PointRow(UUID id, UUID orgUnitId, String orgUnitName, String scopePath, UUID districtId, String name,
			PointKind kind, String address, double lat, double lng, String hours, String phone, List<String> services,
			UUID createdBy, Instant createdAt) {
	}

	public boolean insert(PointRow p) {
		int inserted = jdbc.sql("""
				INSERT INTO servicepoint.point (id, org_unit_id, org_unit_name, scope_path, district_id, name, kind,
				                                address, lat, lng, hours, phone, created_by, created_at)
				VALUES (:id, :unit, :unitName, :scope, :district, :name, :kind, :address, :lat, :lng, :hours, :phone,
				        :by, :at)
				ON CONFLICT (org_unit_id, name) DO NOTHING""")
			.param("id", p.id())
			.param("unit", p.orgUnitId())
			.param("unitName", p.orgUnitName())
			.param("scope", p.scopePath())
			.param("district", p.districtId())
			.param("name", p.name())
			.param("kind", p.kind().name())
			.param("address", p.address())
			.param("lat", p.lat())
			.param("lng", p.lng())
			.param("hours", p.hours())
			.param("phone", p.phone())
			.param("by", p.createdBy())
			.param("at", Timestamp.from(p.createdAt()))
			.update();
		if (inserted == 0) {
			return false;
		}
		for (String kind : p.services()) {
			jdbc.sql("INSERT INTO servicepoint.point_service (point_id, kind) VALUES (:p, :k) ON CONFLICT DO NOTHING")
				.param("p", p.id())
				.param("k", kind)
				.update();
		}
		return true;
	}

	/** The points on the reader's branch, by node and name; {@code orgUnitId} narrows to one node's. */
	public List<PointView> points(DataScope scope, UUID orgUnitId, int limit) {
		return jdbc.sql("SELECT " + POINT_COLUMNS + " FROM servicepoint.point p WHERE " + ON_BRANCH
				+ " AND (CAST(:unit AS uuid) IS NULL OR p.org_unit_id = :unit) ORDER BY p.org_unit_name, p.name LIMIT :l")
			.param("scope", scope.likePattern())
			.param("path", scope.path())
			.param("unit", orgUnitId)
			.param("l", limit)
			.query(JdbcServicePoints::point)
			.list();
	}

	public Optional<PointView> point(DataScope scope, UUID id) {
		return jdbc.sql("SELECT " + POINT_COLUMNS + " FROM servicepoint.point p WHERE p.id = :id AND " + ON_BRANCH)
			.param("id", id)
			.param("scope", scope.likePattern())
			.param("path", scope.path())
			.query(JdbcServicePoints::point)
			.optional();
	}

	/** The node path of a point (what a desk's scope must cover to change it). */
	public Optional<String> scopeOf(UUID pointId) {
		return jdbc.sql("SELECT scope_path FROM servicepoint.point WHERE id = :id")
			.param("id", pointId)
			.query(String.class)
			.optional();
	}

	/** Every point of a district with its services: what the coverage is computed from. */
	public record Located(UUID id, double lat, double lng, List<String> services) {
	}

	public List<Located> located(UUID districtId) {
		return jdbc.sql("""
				SELECT p.id, p.lat, p.lng, coalesce((SELECT array_agg(s.kind) FROM servicepoint.point_service s
				                                      WHERE s.point_id = p.id), '{}')
				  FROM servicepoint.point p WHERE p.district_id = :d""")
			.param("d", districtId)
			.query((rs, n) -> new Located(rs.getObject(1, UUID.class), rs.getDouble(2), rs.getDouble(3),
					List.of((String[]) rs.getArray(4).getArray())))
			.list();
	}

	// ---- rooms

	public boolean insertRoom(UUID id, UUID pointId, String name, int capacity, String purpose) {
		return jdbc.sql("""
				INSERT INTO servicepoint.room (id, point_id, name, capacity, purpose) VALUES (:id, :p, :n, :c, :purpose)
				ON CONFLICT (point_id, name) DO NOTHING""")
			.param("id", id)
			.param("p", pointId)
			.param("n", name)
			.param("c", capacity)
			.param("purpose", purpose)
			.update() == 1;
	}

	public List<RoomView> rooms(UUID pointId) {
		return jdbc.sql("SELECT id, point_id, name, capacity, purpose FROM servicepoint.room WHERE point_id = :p ORDER BY name")
			.param("p", pointId)
			.query((rs, n) -> new RoomView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
					rs.getInt(4), rs.getString(5)))
			.list();
	}

	public Optional<RoomView> room(UUID id) {
		return jdbc.sql("SELECT id, point_id, name, capacity, purpose FROM servicepoint.room WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> new RoomView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
					rs.getInt(4), rs.getString(5)))
			.optional();
	}

	// ---- roster

	public void insertDuty(UUID id, UUID pointId, UUID orgUnitId, String scopePath, int weekday, java.time.LocalTime starts,
			java.time.LocalTime ends, String personName, UUID accountId, String roleNote) {
		jdbc.sql("""
				INSERT INTO servicepoint.duty (id, point_id, org_unit_id, scope_path, weekday, starts, ends, person_name,
				                               account_id, role_note)
				VALUES (:id, :p, :u, :s, :w, :st, :en, :name, :acc, :note)""")
			.param("id", id)
			.param("p", pointId)
			.param("u", orgUnitId)
			.param("s", scopePath)
			.param("w", weekday)
			.param("st", Time.valueOf(starts))
			.param("en", Time.valueOf(ends))
			.param("name", personName)
			.param("acc", accountId)
			.param("note", roleNote)
			.update();
	}

	/** The roster of a point, or (pointId null) the hotline's of the nodes on the reader's branch. */
	public List<DutyView> roster(UUID pointId, DataScope scope) {
		String where = pointId != null ? "d.point_id = :p"
				: "d.point_id IS NULL AND (d.scope_path LIKE :scope OR :path LIKE d.scope_path || '%')";
		return jdbc.sql("SELECT d.id, d.point_id, d.weekday, d.starts, d.ends, d.person_name, d.role_note"
				+ " FROM servicepoint.duty d WHERE " + where + " ORDER BY d.weekday, d.starts, d.person_name")
			.param("p", pointId)
			.param("scope", scope.likePattern())
			.param("path", scope.path())
			.query((rs, n) -> new DutyView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
					rs.getTime(4).toLocalTime(), rs.getTime(5).toLocalTime(), rs.getString(6), rs.getString(7)))
			.list();
	}

	// ---- bookings

	public record BookingRow(UUID id, UUID roomId, UUID pointId, String scopePath, UUID districtId, String title,
			Instant startsAt, Instant endsAt, int expected, Integer attendance, UUID bookedBy, String bookedByName,
			Instant createdAt) {
	}

	/** False if the room is booked for an overlapping time: the exclusion constraint decides, whoever came first. */
	public boolean insert(BookingRow b) {
		try {
			return jdbc.sql("""
					INSERT INTO servicepoint.booking (id, room_id, point_id, scope_path, district_id, title, period,
					                                  expected, attendance, state, booked_by, booked_by_name, created_at)
					VALUES (:id, :room, :point, :scope, :district, :title, tstzrange(:from, :to, '[)'), :expected,
					        :attendance, 'BOOKED', :by, :byName, :at)""")
				.param("id", b.id())
				.param("room", b.roomId())
				.param("point", b.pointId())
				.param("scope", b.scopePath())
				.param("district", b.districtId())
				.param("title", b.title())
				.param("from", Timestamp.from(b.startsAt()))
				.param("to", Timestamp.from(b.endsAt()))
				.param("expected", b.expected())
				.param("attendance", b.attendance())
				.param("by", b.bookedBy())
				.param("byName", b.bookedByName())
				.param("at", Timestamp.from(b.createdAt()))
				.update() == 1;
		}
		catch (DataIntegrityViolationException e) {
			// 23P01 exclusion_violation: someone has the room for part of that time
			return false;
		}
	}

	public Optional<BookingView> booking(UUID id) {
		return jdbc.sql("SELECT " + BOOKING_COLUMNS + " WHERE b.id = :id")
			.param("id", id)
			.query(JdbcServicePoints::booking)
			.optional();
	}

	/** A point's bookings from a moment on (and those still running), earliest first. */
	public List<BookingView> bookingsOfPoint(UUID pointId, Instant from, int limit) {
		return jdbc.sql("SELECT " + BOOKING_COLUMNS + " WHERE b.point_id = :p AND upper(b.period) > :from"
				+ " ORDER BY lower(b.period), r.name LIMIT :l")
			.param("p", pointId)
			.param("from", Timestamp.from(from))
			.param("l", limit)
			.query(JdbcServicePoints::booking)
			.list();
	}

	public List<BookingView> bookingsBy(UUID accountId, int limit) {
		return jdbc.sql("SELECT " + BOOKING_COLUMNS + " WHERE b.booked_by = :a ORDER BY lower(b.period) DESC LIMIT :l")
			.param("a", accountId)
			.param("l", limit)
			.query(JdbcServicePoints::booking)
			.list();
	}

	/** Cancels a booking still booked; false if it was not. */
	public boolean cancel(UUID id) {
		return jdbc.sql("UPDATE servicepoint.booking SET state = 'CANCELLED' WHERE id = :id AND state = 'BOOKED'")
			.param("id", id)
			.update() == 1;
	}

	public boolean attendance(UUID id, int count) {
		return jdbc.sql("UPDATE servicepoint.booking SET attendance = :c WHERE id = :id AND state = 'BOOKED'")
			.param("id", id)
			.param("c", count)
			.update() == 1;
	}

	/** The activities a point held (booked, begun before {@code now}) and how many came to them. */
	public PointFigures figures(UUID pointId, Instant now) {
		return jdbc.sql("""
				SELECT count(*), coalesce(sum(attendance), 0) FROM servicepoint.booking
				 WHERE point_id = :p AND state = 'BOOKED' AND lower(period) < :now""")
			.param("p", pointId)
			.param("now", Timestamp.from(now))
			.query((rs, n) -> new PointFigures(rs.getLong(1), rs.getLong(2)))
			.single();
	}

	static PointView point(ResultSet rs, int n) throws SQLException {
		return new PointView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
				rs.getString(4), PointKind.valueOf(rs.getString(5)), rs.getString(6), rs.getDouble(7), rs.getDouble(8),
				rs.getString(9), rs.getString(10), List.of((String[]) rs.getArray(11).getArray()), rs.getInt(12));
	}

	static BookingView booking(ResultSet rs, int n) throws SQLException {
		return new BookingView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
				rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(),
				rs.getTimestamp(8).toInstant(), rs.getInt(9), (Integer) rs.getObject(10), rs.getString(11),
				rs.getObject(12, UUID.class), rs.getString(13));
	}

	/** A figure a report states for a node (the district), kept once per code. */
	public void putFigure(UUID orgUnitId, String scopePath, StatedFigure figure) {
		jdbc.sql("""
				INSERT INTO servicepoint.stated_figure (org_unit_id, scope_path, code, value, source)
				VALUES (:unit, :path, :code, :value, :source)
				ON CONFLICT (org_unit_id, code) DO UPDATE SET value = EXCLUDED.value, source = EXCLUDED.source""")
			.param("unit", orgUnitId)
			.param("path", scopePath)
			.param("code", figure.code())
			.param("value", figure.value())
			.param("source", figure.source())
			.update();
	}

	/** The stated figures of the reader's scope, and of the nodes above it (a community reads its district's). */
	public List<StatedFigure> figures(DataScope scope) {
		return jdbc.sql("""
				SELECT code, sum(value), min(source) FROM servicepoint.stated_figure
				 WHERE scope_path LIKE :scope OR :path LIKE scope_path || '%'
				 GROUP BY code ORDER BY code""")
			.param("scope", scope.likePattern())
			.param("path", scope.path())
			.query((rs, n) -> new StatedFigure(rs.getString(1), rs.getInt(2), rs.getString(3)))
			.list();
	}
}
