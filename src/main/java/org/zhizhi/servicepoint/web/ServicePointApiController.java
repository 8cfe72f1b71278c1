package org.zhizhi.servicepoint.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
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
import org.zhizhi.servicepoint.Coverage;
import org.zhizhi.servicepoint.ServicePoints;
import org.zhizhi.shared.Actor;

/** Service points over JSON: the points of the caller's branch, their rooms and roster, room bookings. */
@RestController
@RequestMapping("/api/v1/service-points")
@Tag(name = "servicepoint")
class ServicePointApiController {

	private final ServicePoints points;

	private final Coverage coverage;

	ServicePointApiController(ServicePoints points, Coverage coverage) {
		this.points = points;
		this.coverage = coverage;
	}

	@GetMapping("/coverage")
	@Operation(summary = "The 15-minute circle of the caller's scope for a kind of service (default: any point): how "
			+ "walking time is reckoned, each community's and grid's share of dwellings within it, and the buildings "
			+ "outside it, the farthest first")
	Coverage.CoverageView coverage(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String kind,
			@RequestParam(defaultValue = "200") int limit) {
		return coverage.of(actor, kind, Math.clamp(limit, 0, 2000));
	}

	@GetMapping("/coverage/buildings")
	@Operation(summary = "Every building of the caller's scope with the walk to the nearest point of a kind (map)")
	List<Coverage.BuildingView> coverageMap(@AuthenticationPrincipal Actor actor,
			@RequestParam(required = false) String kind) {
		return coverage.map(actor, kind);
	}

	@PostMapping("/coverage/recompute")
	@Operation(summary = "The desk computes its district's 15-minute circle again; answers how many buildings")
	java.util.Map<String, Integer> recompute(@AuthenticationPrincipal Actor actor) {
		return java.util.Map.of("buildings", coverage.recompute(actor));
	}

	@GetMapping
	@Operation(summary = "The service points on the caller's branch of the tree (optionally of one node)")
	List<PointView> points(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) UUID orgUnitId) {
		return points.points(actor, orgUnitId);
	}

	@PostMapping
	@Operation(summary = "The desk sets up a service point of a node of its scope, with its services")
	ResponseEntity<PointView> create(@AuthenticationPrincipal Actor actor, @RequestBody NewPoint body) {
		PointView created = points.create(actor, body);
		return ResponseEntity.created(URI.create("/api/v1/service-points/" + created.id())).body(created);
	}

	@GetMapping("/service-kinds")
	@Operation(summary = "The kinds of service a point may offer (data)")
	List<ServiceKind> kinds() {
		return points.kinds();
	}

	@GetMapping("/{id}")
	@Operation(summary = "A point with its rooms, roster, bookings from yesterday on and the activities it held")
	PointDetail point(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return points.detail(actor, id);
	}

	@PostMapping("/{id}/rooms")
	@Operation(summary = "The desk adds a room to a point of its scope")
	ResponseEntity<RoomView> room(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody NewRoom body) {
		return ResponseEntity.status(201).body(points.addRoom(actor, id, body));
	}

	@PostMapping("/roster")
	@Operation(summary = "The desk adds a line to a point's weekly roster, or (no pointId) to a node's hotline roster")
	ResponseEntity<DutyView> duty(@AuthenticationPrincipal Actor actor, @RequestBody NewDuty body) {
		return ResponseEntity.status(201).body(points.addDuty(actor, body));
	}

	@GetMapping("/hotline-roster")
	@Operation(summary = "The weekly roster of the hotline (微孝热线) of the caller's branch")
	List<DutyView> hotline(@AuthenticationPrincipal Actor actor) {
		return points.hotlineRoster(actor);
	}

	@PostMapping("/bookings")
	@Operation(summary = "Books a room for an activity; an overlapping booking of the room is refused ROOM_TAKEN")
	ResponseEntity<BookingView> book(@AuthenticationPrincipal Actor actor, @RequestBody NewBooking body) {
		BookingView booked = points.book(actor, body);
		return ResponseEntity.created(URI.create("/api/v1/service-points/bookings/" + booked.id())).body(booked);
	}

	@GetMapping("/bookings/mine")
	@Operation(summary = "The caller's bookings, latest first")
	List<BookingView> mine(@AuthenticationPrincipal Actor actor) {
		return points.myBookings(actor);
	}

	@PostMapping("/bookings/{id}/cancel")
	@Operation(summary = "The booker or the desk cancels a booking that has not begun")
	BookingView cancel(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return points.cancel(actor, id);
	}

	@PostMapping("/bookings/{id}/attendance")
	@Operation(summary = "The booker or the desk records how many came, once the activity has begun")
	BookingView attendance(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody Attendance body) {
		return points.attendance(actor, id, body);
	}
}
