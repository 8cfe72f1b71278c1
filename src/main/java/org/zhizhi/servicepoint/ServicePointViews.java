package org.zhizhi.servicepoint;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/** What the points' pages and API show: points, rooms, the roster, bookings, kinds of service. */
public final class ServicePointViews {

	private ServicePointViews() {
	}

	/** A kind of service (data: 歇脚休息, 老年助餐, 便民代办 …) with its name in both languages. */
	public record ServiceKind(String code, String nameZh, String nameEn) {
	}

	public record PointView(UUID id, UUID orgUnitId, String orgUnitName, String name, PointKind kind, String address,
			double lat, double lng, String hours, String phone, List<String> services, int rooms) {
	}

	public record RoomView(UUID id, UUID pointId, String name, int capacity, String purpose) {
	}

	/** One line of the weekly roster; {@code pointId} null: the community's hotline (微孝热线). */
	public record DutyView(UUID id, UUID pointId, int weekday, LocalTime starts, LocalTime ends, String personName,
			String roleNote) {
	}

	public record BookingView(UUID id, UUID roomId, String roomName, UUID pointId, String pointName, String title,
			Instant startsAt, Instant endsAt, int expected, Integer attendance, String state, UUID bookedBy,
			String bookedByName) {
	}

	public record PointDetail(PointView point, List<RoomView> rooms, List<DutyView> roster, List<BookingView> bookings,
			PointFigures figures) {
	}

	/** A point's activities held (bookings past, not cancelled) and the people they served (attendance counted). */
	public record PointFigures(long activities, long attendance) {
	}

	/** A figure a district's report states (e.g. 90 grid party-service stations), with where it is stated. */
	public record StatedFigure(String code, int value, String source) {
	}
}
