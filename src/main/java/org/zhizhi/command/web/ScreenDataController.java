package org.zhizhi.command.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.zhizhi.command.screen.CommandScreen;
import org.zhizhi.command.screen.ScreenActions;
import org.zhizhi.command.screen.ScreenActions.Card;
import org.zhizhi.command.screen.ScreenAlerts;
import org.zhizhi.command.screen.ScreenAlerts.AlertCard;
import org.zhizhi.command.screen.ScreenFeed;
import org.zhizhi.command.screen.ScreenScope;
import org.zhizhi.command.screen.ScreenScopes;
import org.zhizhi.command.screen.ScreenSnapshot;
import org.zhizhi.incident.Triage;
import org.zhizhi.incident.UrgeCard;
import org.zhizhi.incident.WhistleType;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.ProblemResponses;
import org.zhizhi.shared.ProblemResponses.FieldError;

/**
 * What the screen's script reads and does, under the page's session: the panels, the live stream, an incident's card
 * and its one-click steps. A refusal is a problem in JSON (the module's code and its Chinese words), as the API
 * answers it, so that the screen can show it beside the button rather than lose the page.
 */
@Controller
@RequestMapping("/command/screen")
class ScreenDataController {

	private final ScreenScopes scopes;

	private final CommandScreen screens;

	private final ScreenFeed feed;

	private final ScreenActions actions;

	private final MessageSource messages;

	private final ScreenAlerts alerts;

	ScreenDataController(ScreenScopes scopes, CommandScreen screens, ScreenFeed feed, ScreenActions actions,
			ScreenAlerts alerts, MessageSource messages) {
		this.alerts = alerts;
		this.scopes = scopes;
		this.screens = screens;
		this.feed = feed;
		this.actions = actions;
		this.messages = messages;
	}

	@GetMapping(value = "/snapshot.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ScreenSnapshot snapshot(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String scope) {
		return screens.snapshot(scopes.resolve(actor, ScreenScopes.parse(scope), null));
	}

	/**
	 * The live stream of new reports and grid loads. {@code from} is the snapshot's position, for the first
	 * connection; a reconnecting browser sends {@code Last-Event-ID}, which wins.
	 */
	@GetMapping("/stream")
	SseEmitter stream(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String scope,
			@RequestParam(required = false) String from,
			@RequestHeader(value = "Last-Event-ID", required = false) String lastEventId,
			HttpServletResponse response) {
		ScreenScope screen = scopes.resolve(actor, ScreenScopes.parse(scope), null);
		// a proxy that buffers would hold the events back until the connection ends
		response.setHeader("X-Accel-Buffering", "no");
		return feed.subscribe(screen, lastEventId != null ? lastEventId : from);
	}

	@GetMapping(value = "/incidents/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	Card card(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		requireScreen(actor);
		return actions.card(actor, id);
	}

	@PostMapping(value = "/incidents/{id}/accept", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	Card accept(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String note) {
		requireScreen(actor);
		return actions.accept(actor, id, note);
	}

	@PostMapping(value = "/incidents/{id}/triage", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	Card triage(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String triage, @RequestParam(defaultValue = "") String note) {
		requireScreen(actor);
		return actions.triage(actor, id, choice(Triage.class, "triage", triage), note);
	}

	@PostMapping(value = "/incidents/{id}/whistle", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	Card whistle(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String type, @RequestParam(required = false) String unitId,
			@RequestParam(defaultValue = "") String note) {
		requireScreen(actor);
		return actions.whistle(actor, id, choice(WhistleType.class, "type", type), id("unitId", unitId), note);
	}

	@PostMapping(value = "/incidents/{id}/call-unit", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	Card callUnit(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String unitId, @RequestParam(defaultValue = "") String note) {
		requireScreen(actor);
		return actions.callUnit(actor, id, id("unitId", unitId), note);
	}

	@PostMapping(value = "/incidents/{id}/escalate", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	Card escalate(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String note) {
		requireScreen(actor);
		return actions.escalate(actor, id, note);
	}

	@PostMapping(value = "/incidents/{id}/urge", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	Card urge(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String card, @RequestParam(defaultValue = "") String note) {
		requireScreen(actor);
		return actions.urge(actor, id, choice(UrgeCard.class, "card", card), note);
	}

	@PostMapping(value = "/incidents/{id}/extension", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	Card extension(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) Boolean approve, @RequestParam(defaultValue = "") String note) {
		requireScreen(actor);
		return actions.decideExtension(actor, id, approve, note);
	}

	/** The open alerts' panel alone, read again every 10 s while the screen is open. */
	@GetMapping(value = "/alerts.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ScreenSnapshot.RiskAlerts openAlerts(@AuthenticationPrincipal Actor actor,
			@RequestParam(required = false) String scope) {
		return screens.alerts(scopes.resolve(actor, ScreenScopes.parse(scope), null));
	}

	@GetMapping(value = "/alerts/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	AlertCard alert(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		requireScreen(actor);
		return alerts.card(actor, id);
	}

	@PostMapping(value = "/alerts/{id}/acknowledge", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	AlertCard acknowledge(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		requireScreen(actor);
		return alerts.acknowledge(actor, id);
	}

	@PostMapping(value = "/alerts/{id}/handle", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	AlertCard handle(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String note) {
		requireScreen(actor);
		return alerts.handle(actor, id, note);
	}

	@PostMapping(value = "/alerts/{id}/close", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	AlertCard close(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String note) {
		requireScreen(actor);
		return alerts.close(actor, id, note);
	}

	@PostMapping(value = "/alerts/{id}/dismiss", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	AlertCard dismiss(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String reason) {
		requireScreen(actor);
		return alerts.dismiss(actor, id, reason);
	}

	/** The screen's doors are for whoever may open a screen; the steps then ask the incident's own policy. */
	private static void requireScreen(Actor actor) {
		if (!ScreenScopes.mayOpen(actor)) {
			throw new DomainException(DomainException.Category.FORBIDDEN, "ROLE_NOT_ALLOWED",
					"command.screen.roleNotAllowed");
		}
	}

	/** An enum's value from a form, null when none was chosen (the step's own shape check then names the field). */
	private static <E extends Enum<E>> E choice(Class<E> type, String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip());
		}
		catch (IllegalArgumentException e) {
			throw DomainException.invalid(List.of(new FieldProblem(field, "command.screen.badChoice")));
		}
	}

	private static UUID id(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(value.strip());
		}
		catch (IllegalArgumentException e) {
			throw DomainException.invalid(List.of(new FieldProblem(field, "command.screen.badChoice")));
		}
	}

	@ExceptionHandler(DomainException.class)
	ResponseEntity<ProblemDetail> refused(DomainException e, HttpServletRequest request) {
		HttpStatus status = switch (e.category()) {
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case INVALID -> HttpStatus.BAD_REQUEST;
			case CONFLICT -> HttpStatus.CONFLICT;
			case FORBIDDEN -> HttpStatus.FORBIDDEN;
		};
		Locale locale = LocaleContextHolder.getLocale();
		List<FieldError> errors = e.fieldProblems()
			.stream()
			.map(p -> new FieldError(p.field(), messages.getMessage(p.messageKey(), p.args(), p.messageKey(), locale)))
			.toList();
		String detail = messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale);
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ProblemResponses.problem(status, e.code(), detail, errors, request.getRequestURI(), locale,
					messages));
	}
}
