package org.zhizhi.servicepoint.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhizhi.servicepoint.Coverage;
import org.zhizhi.servicepoint.ErrandLifecycle;
import org.zhizhi.servicepoint.PointKind;
import org.zhizhi.servicepoint.ServicePointCommands.NewBooking;
import org.zhizhi.servicepoint.ServicePointCommands.NewDuty;
import org.zhizhi.servicepoint.ServicePointCommands.NewPoint;
import org.zhizhi.servicepoint.ServicePointCommands.NewRoom;
import org.zhizhi.servicepoint.ServicePointRoles;
import org.zhizhi.servicepoint.ServicePointCommands;
import org.zhizhi.servicepoint.ServicePointViews;
import org.zhizhi.servicepoint.ServicePoints;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.FormErrors;
import org.zhizhi.territory.MapProperties;

/**
 * The points on the pages: the desk's list with the new-point form, a point with its rooms, roster and bookings, the
 * 15-minute circle's map with each area's figure and the buildings left outside; on the phone, booking a room.
 */
@Controller
class ServicePointPages {

	private final ServicePoints points;

	private final Coverage coverage;

	private final MapProperties map;

	private final MessageSource messages;

	private final ZoneId zone;

	private final Clock clock;

	ServicePointPages(ServicePoints points, Coverage coverage, MapProperties map, MessageSource messages,
			ZoneId zone, Clock clock) {
		this.clock = clock;
		this.points = points;
		this.coverage = coverage;
		this.map = map;
		this.messages = messages;
		this.zone = zone;
	}

	@GetMapping("/servicepoints")
	String list(@AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("points", points.points(actor, null));
		model.addAttribute("kinds", PointKind.values());
		model.addAttribute("services", points.kinds());
		model.addAttribute("desk", actor.hasAny(ServicePointRoles.DESK));
		model.addAttribute("hotline", points.hotlineRoster(actor));
		model.addAttribute("stated", points.statedFigures(actor));
		model.addAttribute("errandQueue", actor.hasAny(ErrandLifecycle.ASSIGNERS));
		return "servicepoint/points";
	}

	@PostMapping("/servicepoints")
	String create(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String name,
			@RequestParam(required = false) PointKind kind, @RequestParam(required = false) String address,
			@RequestParam(required = false) Double lat, @RequestParam(required = false) Double lng,
			@RequestParam(required = false) String hours, @RequestParam(required = false) String phone,
			@RequestParam(required = false) List<String> services, RedirectAttributes redirect) {
		return step(redirect, "/servicepoints", "servicepoint.notice.created",
				() -> points.create(actor, new NewPoint(actor.scope().orgUnitId(), name, kind, address, lat, lng, hours,
						phone, services)));
	}

	@GetMapping("/servicepoints/{id}")
	String point(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		var detail = points.detail(actor, id);
		model.addAttribute("detail", detail);
		model.addAttribute("desk", actor.hasAny(ServicePointRoles.DESK));
		model.addAttribute("countable", detail.bookings().stream().filter(b -> points.mayCount(actor, b))
			.map(ServicePointViews.BookingView::id).toList());
		model.addAttribute("zone", zone);
		return "servicepoint/point";
	}

	@PostMapping("/servicepoints/{id}/rooms")
	String room(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @RequestParam(required = false) String name,
			@RequestParam(required = false) Integer capacity, @RequestParam(required = false) String purpose,
			RedirectAttributes redirect) {
		return step(redirect, "/servicepoints/" + id, "servicepoint.notice.roomAdded",
				() -> points.addRoom(actor, id, new NewRoom(name, capacity, purpose)));
	}

	@PostMapping("/servicepoints/{id}/roster")
	String duty(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) Integer weekday, @RequestParam(required = false) LocalTime starts,
			@RequestParam(required = false) LocalTime ends, @RequestParam(required = false) String personName,
			@RequestParam(required = false) String roleNote, RedirectAttributes redirect) {
		return step(redirect, "/servicepoints/" + id, "servicepoint.notice.dutyAdded", () -> points.addDuty(actor,
				new NewDuty(id, null, weekday, starts, ends, personName, null, roleNote)));
	}

	@GetMapping("/servicepoints/coverage")
	String coverage(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String kind, Model model) {
		model.addAttribute("coverage", coverage.of(actor, kind, 200));
		model.addAttribute("kind", kind == null ? "" : kind);
		model.addAttribute("services", points.kinds());
		model.addAttribute("tileUrl", map.tileUrl());
		model.addAttribute("tileAttribution", map.tileAttribution());
		model.addAttribute("desk", actor.hasAny(ServicePointRoles.DESK));
		return "servicepoint/coverage";
	}

	/** The map's data for the page's script (the session's scope; the API's twin is for tokens). */
	@GetMapping("/servicepoints/coverage/map.json")
	@ResponseBody
	Map<String, Object> coverageMap(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String kind) {
		return Map.of("buildings", coverage.map(actor, kind), "points", points.points(actor, null), "circle",
				coverage.method().circleMinutes());
	}

	@PostMapping("/servicepoints/coverage/recompute")
	String recompute(@AuthenticationPrincipal Actor actor, RedirectAttributes redirect) {
		return step(redirect, "/servicepoints/coverage", "servicepoint.notice.recomputed",
				() -> coverage.recompute(actor));
	}

	@GetMapping("/m/rooms")
	String rooms(@AuthenticationPrincipal Actor actor, Model model) {
		List<org.zhizhi.servicepoint.ServicePointViews.PointView> all = points.points(actor, null);
		model.addAttribute("points", all.stream().filter(p -> p.rooms() > 0).map(p -> points.detail(actor, p.id()))
			.toList());
		var mine = points.myBookings(actor);
		model.addAttribute("mine", mine);
		model.addAttribute("countable", mine.stream().filter(b -> points.mayCount(actor, b))
			.map(ServicePointViews.BookingView::id).toList());
		model.addAttribute("zone", zone);
		model.addAttribute("tomorrow", LocalDate.now(clock.withZone(zone)).plusDays(1));
		model.addAttribute("now", clock.instant());
		return "servicepoint/rooms";
	}

	@PostMapping("/m/rooms")
	String book(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) UUID roomId,
			@RequestParam(required = false) String title, @RequestParam(required = false) LocalDate day,
			@RequestParam(required = false) LocalTime starts, @RequestParam(required = false) LocalTime ends,
			@RequestParam(required = false) Integer expected, RedirectAttributes redirect) {
		return step(redirect, "/m/rooms", "servicepoint.notice.booked",
				() -> points.book(actor, new NewBooking(roomId, title, at(day, starts), at(day, ends), expected)));
	}

	/** Who came to an activity, counted by its booker or the desk once it has begun; back to where it was counted. */
	@PostMapping("/servicepoints/bookings/{id}/attendance")
	String attendance(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) Integer attendance, @RequestParam(required = false) UUID point,
			RedirectAttributes redirect) {
		return step(redirect, point == null ? "/m/rooms" : "/servicepoints/" + point, "servicepoint.notice.counted",
				() -> points.attendance(actor, id, new ServicePointCommands.Attendance(attendance)));
	}

	@PostMapping("/m/rooms/bookings/{id}/cancel")
	String cancel(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
		return step(redirect, "/m/rooms", "servicepoint.notice.cancelled", () -> points.cancel(actor, id));
	}

	private java.time.Instant at(LocalDate day, LocalTime time) {
		return day == null || time == null ? null : LocalDateTime.of(day, time).atZone(zone).toInstant();
	}

	private String step(RedirectAttributes redirect, String back, String notice, Runnable command) {
		return FormErrors.step(redirect, back, notice, command, messages, "servicepoint.errandState.",
				"servicepoint.errandStep.");
	}
}
