package org.zhizhi.servicepoint;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.servicepoint.ServicePointCommands.Attendance;
import org.zhizhi.servicepoint.ServicePointCommands.NewBooking;
import org.zhizhi.servicepoint.ServicePointCommands.NewDuty;
import org.zhizhi.servicepoint.ServicePointCommands.NewPoint;
import org.zhizhi.servicepoint.ServicePointCommands.NewRoom;
import org.zhizhi.servicepoint.ServicePointViews.BookingView;
import org.zhizhi.servicepoint.ServicePointViews.DutyView;
import org.zhizhi.servicepoint.ServicePointViews.PointDetail;
import org.zhizhi.servicepoint.ServicePointViews.PointView;
import org.zhizhi.servicepoint.ServicePointViews.RoomView;
import org.zhizhi.servicepoint.ServicePointViews.ServiceKind;
import org.zhizhi.servicepoint.persistence.JdbcServicePoints;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.CommandShape;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.Ids;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.OrgUnitQueries;

/**
 * Service points, their rooms and roster, and room bookings. The desk of a scope sets up the points of its nodes; anyone
 * on a point's branch (a resident of its community, a party member, the desk) sees it and may book its rooms for an
 * activity: the database refuses an overlapping booking of the same room, however close two requests come. The
 * booker or the desk cancels a booking and, once it has begun, counts who came.
 */
@Service
public class ServicePoints {

	public static final int LIMIT = 500;

	/** How long one booking may last: a day's activity, not a room taken for the week. */
	static final Duration LONGEST = Duration.ofHours(12);

	/** How far ahead a room may be booked. */
	static final Duration AHEAD = Duration.ofDays(92);

	private final JdbcServicePoints points;

	private final OrgUnitQueries orgUnits;

	private final CommandShape shape;

	private final Clock clock;

	private final org.springframework.context.ApplicationEventPublisher events;

	ServicePoints(JdbcServicePoints points, OrgUnitQueries orgUnits, CommandShape shape, Clock clock,
			org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.points = points;
		this.orgUnits = orgUnits;
		this.shape = shape;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<ServiceKind> kinds() {
		return points.kinds();
	}

	/** The desk sets up a point of a node of its scope. */
	@Transactional
	public PointView create(Actor actor, NewPoint command) {
		requireDesk(actor);
		List<FieldProblem> more = new ArrayList<>();
		OrgUnit node = command.orgUnitId() == null ? null : orgUnits.find(actor.scope(), command.orgUnitId()).orElse(null);
		if (command.orgUnitId() != null && node == null) {
			more.add(new FieldProblem("orgUnitId", "servicepoint.nodeNotYours"));
		}
		Set<String> known = points.kinds().stream().map(ServiceKind::code).collect(Collectors.toSet());
		List<String> services = command.services() == null ? List.of() : command.services().stream().distinct().toList();
		if (!known.containsAll(services)) {
			more.add(new FieldProblem("services", "servicepoint.unknownService"));
		}
		shape.check(command, more);
		UUID id = Ids.newId(clock);
		String phone = command.phone() == null || command.phone().isBlank() ? null : command.phone().strip();
		if (!points.insert(new JdbcServicePoints.PointRow(id, node.id(), node.name(), node.path(),
				DataScope.districtOf(node.path()), command.name().strip(), command.kind(), command.address().strip(),
				command.lat(), command.lng(), command.hours().strip(), phone, services, actor.userId(), clock.instant()))) {
			throw DomainException.invalid(List.of(new FieldProblem("name", "servicepoint.nameTaken")));
		}
		// its district's circle is computed again once this commits
		events.publishEvent(new PointOpened(id, DataScope.districtOf(node.path())));
		return points.point(actor.scope(), id).orElseThrow();
	}

	@Transactional(readOnly = true)
	public List<PointView> points(Actor actor, UUID orgUnitId) {
		return points.points(actor.scope(), orgUnitId, LIMIT);
	}

	/** A point with its rooms, roster, bookings from today on and what it has held. */
	@Transactional(readOnly = true)
	public PointDetail detail(Actor actor, UUID id) {
		PointView point = visible(actor, id);
		Instant now = clock.instant();
		return new PointDetail(point, points.rooms(id), points.roster(id, actor.scope()),
				points.bookingsOfPoint(id, now.minus(Duration.ofDays(1)), 100), points.figures(id, now));
	}

	@Transactional
	public RoomView addRoom(Actor actor, UUID pointId, NewRoom command) {
		requireDesk(actor);
		managed(actor, pointId);
		shape.check(command);
		UUID id = Ids.newId(clock);
		if (!points.insertRoom(id, pointId, command.name().strip(), command.capacity(),
				command.purpose() == null || command.purpose().isBlank() ? null : command.purpose().strip())) {
			throw DomainException.invalid(List.of(new FieldProblem("name", "servicepoint.nameTaken")));
		}
		return points.room(id).orElseThrow();
	}

	/** A line of a point's roster, or of the hotline of a node of the desk's scope. */
	@Transactional
	public DutyView addDuty(Actor actor, NewDuty command) {
		requireDesk(actor);
		List<FieldProblem> more = new ArrayList<>();
		String scopePath;
		UUID orgUnitId;
		if (command.pointId() != null) {
			PointView point = managed(actor, command.pointId());
			scopePath = points.scopeOf(point.id()).orElseThrow();
			orgUnitId = point.orgUnitId();
		}
		else {
			OrgUnit node = command.orgUnitId() == null ? null
					: orgUnits.find(actor.scope(), command.orgUnitId()).orElse(null);
			if (node == null) {
				more.add(new FieldProblem("orgUnitId", "servicepoint.nodeNotYours"));
			}
			scopePath = node == null ? null : node.path();
			orgUnitId = node == null ? null : node.id();
		}
		if (command.starts() != null && command.ends() != null && !command.ends().isAfter(command.starts())) {
			more.add(new FieldProblem("ends", "servicepoint.endsBeforeStart"));
		}
		shape.check(command, more);
		UUID id = Ids.newId(clock);
		points.insertDuty(id, command.pointId(), orgUnitId, scopePath, command.weekday(), command.starts(),
				command.ends(), command.personName().strip(), command.accountId(),
				command.roleNote() == null || command.roleNote().isBlank() ? null : command.roleNote().strip());
		return new DutyView(id, command.pointId(), command.weekday(), command.starts(), command.ends(),
				command.personName().strip(), command.roleNote());
	}

	/** What the reports of the reader's scope (and above) state about the service network, beside what is held. */
	@Transactional(readOnly = true)
	public List<ServicePointViews.StatedFigure> statedFigures(Actor actor) {
		return points.figures(actor.scope());
	}

	/** The hotline's (微孝热线) weekly roster of the nodes on the reader's branch. */
	@Transactional(readOnly = true)
	public List<DutyView> hotlineRoster(Actor actor) {
		return points.roster(null, actor.scope());
	}

	/**
	 * Books a room of a point on the reader's branch. Two bookings of one room that overlap: the second is refused
	 * {@code ROOM_TAKEN}, also when both arrive at the same instant (the table's exclusion constraint decides).
	 */
	@Transactional
	public BookingView book(Actor actor, NewBooking command) {
		List<FieldProblem> more = new ArrayList<>();
		RoomView room = command.roomId() == null ? null : points.room(command.roomId()).orElse(null);
		PointView point = room == null ? null : points.point(actor.scope(), room.pointId()).orElse(null);
		if (command.roomId() != null && point == null) {
			throw DomainException.notFound("room");
		}
		Instant now = clock.instant();
		if (command.startsAt() != null && command.endsAt() != null) {
			if (!command.endsAt().isAfter(command.startsAt())) {
				more.add(new FieldProblem("endsAt", "servicepoint.endsBeforeStart"));
			}
			else if (Duration.between(command.startsAt(), command.endsAt()).compareTo(LONGEST) > 0) {
				more.add(new FieldProblem("endsAt", "servicepoint.tooLong", LONGEST.toHours()));
			}
			if (command.startsAt().isBefore(now) || command.startsAt().isAfter(now.plus(AHEAD))) {
				more.add(new FieldProblem("startsAt", "servicepoint.bookingWindow", AHEAD.toDays()));
			}
		}
		if (room != null && command.expected() != null && command.expected() > room.capacity()) {
			more.add(new FieldProblem("expected", "servicepoint.overCapacity", room.capacity()));
		}
		shape.check(command, more);
		UUID id = Ids.newId(clock);
		String scopePath = points.scopeOf(point.id()).orElseThrow();
		if (!points.insert(new JdbcServicePoints.BookingRow(id, room.id(), point.id(), scopePath,
				DataScope.districtOf(scopePath), command.title().strip(), command.startsAt(), command.endsAt(),
				command.expected(), null, actor.userId(), actor.displayName(), now))) {
			throw new DomainException(Category.CONFLICT, "ROOM_TAKEN", "servicepoint.roomTaken");
		}
		return points.booking(id).orElseThrow();
	}

	/** The booker or the desk of the point cancels a booking that has not begun. */
	@Transactional
	public BookingView cancel(Actor actor, UUID bookingId) {
		BookingView booking = bookingOf(actor, bookingId);
		if (!booking.startsAt().isAfter(clock.instant())) {
			throw new DomainException(Category.CONFLICT, "BOOKING_BEGUN", "servicepoint.bookingBegun");
		}
		if (!points.cancel(bookingId)) {
			throw new DomainException(Category.CONFLICT, "BOOKING_CANCELLED", "servicepoint.bookingCancelled");
		}
		return points.booking(bookingId).orElseThrow();
	}

	/** The booker or the desk counts who came, once the activity has begun. */
	@Transactional
	public BookingView attendance(Actor actor, UUID bookingId, Attendance command) {
		BookingView booking = bookingOf(actor, bookingId);
		List<FieldProblem> more = new ArrayList<>();
		if (booking.startsAt().isAfter(clock.instant())) {
			more.add(new FieldProblem("attendance", "servicepoint.notYetBegun"));
		}
		shape.check(command, more);
		if (!points.attendance(bookingId, command.attendance())) {
			throw new DomainException(Category.CONFLICT, "BOOKING_CANCELLED", "servicepoint.bookingCancelled");
		}
		return points.booking(bookingId).orElseThrow();
	}

	/** Whether the actor may count who came to a booking now: begun, not cancelled, his own or his scope's desk's. */
	public boolean mayCount(Actor actor, BookingView booking) {
		if ("CANCELLED".equals(booking.state()) || booking.startsAt().isAfter(clock.instant())) {
			return false;
		}
		return booking.bookedBy().equals(actor.userId()) || (actor.hasAny(ServicePointRoles.DESK)
				&& points.scopeOf(booking.pointId()).map(actor.scope()::covers).orElse(false));
	}

	@Transactional(readOnly = true)
	public List<BookingView> myBookings(Actor actor) {
		return points.bookingsBy(actor.userId(), 50);
	}

	private BookingView bookingOf(Actor actor, UUID bookingId) {
		BookingView booking = points.booking(bookingId).orElseThrow(() -> DomainException.notFound("booking"));
		boolean booker = booking.bookedBy().equals(actor.userId());
		boolean desk = actor.hasAny(ServicePointRoles.DESK)
				&& points.scopeOf(booking.pointId()).map(actor.scope()::covers).orElse(false);
		if (!booker && !desk) {
			throw DomainException.notFound("booking");
		}
		return booking;
	}

	private PointView visible(Actor actor, UUID id) {
		return points.point(actor.scope(), id).orElseThrow(() -> DomainException.notFound("point"));
	}

	/** A point the desk may change: of its scope (a point above it is seen, not changed). */
	private PointView managed(Actor actor, UUID pointId) {
		PointView point = visible(actor, pointId);
		if (!points.scopeOf(pointId).map(actor.scope()::covers).orElse(false)) {
			throw new DomainException(Category.FORBIDDEN, "FORBIDDEN", "problem.forbidden");
		}
		return point;
	}

	private static void requireDesk(Actor actor) {
		if (!actor.hasAny(ServicePointRoles.DESK)) {
			throw new DomainException(Category.FORBIDDEN, "FORBIDDEN", "problem.forbidden");
		}
	}
}
