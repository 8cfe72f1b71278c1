package org.zhizhi.command.sentinel.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhizhi.command.AlertState;
import org.zhizhi.command.AlertView;
import org.zhizhi.command.RuleKind;
import org.zhizhi.command.sentinel.AlertCommands.AssignAlert;
import org.zhizhi.command.sentinel.AlertCommands.CloseAlert;
import org.zhizhi.command.sentinel.AlertCommands.DismissAlert;
import org.zhizhi.command.sentinel.AlertCommands.HandleAlert;
import org.zhizhi.command.sentinel.AlertCommands.UpdateRule;
import org.zhizhi.command.sentinel.AlertViews.AlertDetail;
import org.zhizhi.command.sentinel.AlertViews.AlertPage;
import org.zhizhi.command.sentinel.Alerts;
import org.zhizhi.command.sentinel.Optimisation;
import org.zhizhi.command.sentinel.Rule;
import org.zhizhi.command.sentinel.Rules;
import org.zhizhi.command.sentinel.Sentinel;
import org.zhizhi.command.sentinel.Supervision;
import org.zhizhi.command.sentinel.persistence.JdbcAlerts;
import org.zhizhi.shared.Actor;

/**
 * 智能哨兵 over JSON: a scope's alerts and each step (acknowledge, assign, handle with a note, close, dismiss with a
 * reason), one alert with the adviser's proposal and its history; the district's rules and their change by its admin;
 * a pass on demand; what is late (监管) and how the rules did (优化).
 */
@RestController
@RequestMapping("/api/v1/command")
@Tag(name = "command")
class AlertApiController {

	private final Alerts alerts;

	private final Rules rules;

	private final Sentinel sentinel;

	private final Supervision supervision;

	private final Optimisation optimisation;

	AlertApiController(Alerts alerts, Rules rules, Sentinel sentinel, Supervision supervision,
			Optimisation optimisation) {
		this.alerts = alerts;
		this.rules = rules;
		this.sentinel = sentinel;
		this.supervision = supervision;
		this.optimisation = optimisation;
	}

	@GetMapping("/alerts")
	@Operation(summary = "A page of the caller's scope's alerts, open ones first (oldest first), with counts per state")
	AlertPage alerts(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) AlertState state,
			@RequestParam(required = false) RuleKind kind, @RequestParam(defaultValue = "false") boolean open,
			@RequestParam(defaultValue = "0") int page) {
		return alerts.list(actor, new JdbcAlerts.Filter(state, kind, open), page);
	}

	@GetMapping("/alerts/{id}")
	@Operation(summary = "One alert: what raised it, its steps, the adviser's proposal with its reasons")
	AlertDetail alert(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return alerts.detail(actor, id);
	}

	@PostMapping("/alerts/{id}/acknowledge")
	@Operation(summary = "Its owner (or a desk of its scope) takes the alert up")
	AlertView acknowledge(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return alerts.acknowledge(actor, id);
	}

	@PostMapping("/alerts/{id}/assign")
	@Operation(summary = "A desk above the grid gives the alert to a person whose scope covers it")
	AlertView assign(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @RequestBody AssignAlert body) {
		return alerts.assign(actor, id, body);
	}

	@PostMapping("/alerts/{id}/handle")
	@Operation(summary = "Its owner says how it was handled (a note is required)")
	AlertView handle(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @RequestBody HandleAlert body) {
		return alerts.handle(actor, id, body);
	}

	@PostMapping("/alerts/{id}/close")
	@Operation(summary = "A desk above the grid closes a handled alert")
	AlertView close(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody(required = false) CloseAlert body) {
		return alerts.close(actor, id, body == null ? new CloseAlert(null) : body);
	}

	@PostMapping("/alerts/{id}/dismiss")
	@Operation(summary = "A desk above the grid closes an alert without action, saying why")
	AlertView dismiss(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @RequestBody DismissAlert body) {
		return alerts.dismiss(actor, id, body);
	}

	@GetMapping("/rules")
	@Operation(summary = "The rules of the caller's district: kind, threshold, window, owner, hours to handle, enabled")
	List<Rule> rules(@AuthenticationPrincipal Actor actor) {
		return rules.of(actor);
	}

	@PutMapping("/rules/{id}")
	@Operation(summary = "The district's admin changes a rule; the threshold's bounds depend on its kind")
	Rule updateRule(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @RequestBody UpdateRule body) {
		return rules.update(actor, id, body);
	}

	@PostMapping("/sentinel/runs")
	@Operation(summary = "The district's admin runs a sentinel pass over his district now")
	Sentinel.Pass run(@AuthenticationPrincipal Actor actor) {
		return sentinel.runFor(actor);
	}

	@GetMapping("/supervision")
	@Operation(summary = "What is late in the caller's scope: alerts past their handling time, incidents past their deadline")
	Supervision.Late late(@AuthenticationPrincipal Actor actor) {
		return supervision.late(actor);
	}

	@GetMapping("/optimisation")
	@Operation(summary = "Per rule, over the last `days` days in the caller's scope: fired, handled, dismissed, open, late")
	Optimisation.Report optimisation(@AuthenticationPrincipal Actor actor,
			@RequestParam(defaultValue = "90") int days) {
		return optimisation.report(actor, days);
	}
}
