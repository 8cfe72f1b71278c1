package org.zhizhi.command.sentinel.web;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhizhi.command.AlertState;
import org.zhizhi.command.RuleKind;
import org.zhizhi.command.sentinel.Advice;
import org.zhizhi.command.sentinel.AlertCommands.AssignAlert;
import org.zhizhi.command.sentinel.AlertCommands.CloseAlert;
import org.zhizhi.command.sentinel.AlertCommands.DismissAlert;
import org.zhizhi.command.sentinel.AlertCommands.HandleAlert;
import org.zhizhi.command.sentinel.AlertViews.AlertDetail;
import org.zhizhi.command.sentinel.Alerts;
import org.zhizhi.command.sentinel.Optimisation;
import org.zhizhi.command.sentinel.Supervision;
import org.zhizhi.command.sentinel.persistence.JdbcAlerts;
import org.zhizhi.incident.IncidentCategory;
import org.zhizhi.incident.IncidentQueries;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.FormErrors;

/**
 * The sentinel's desk pages: the alerts of the reader's scope with filters, one alert with what raised it, the
 * adviser's proposal and its steps (the buttons are {@code allowedActions}, the policy's answer), what is late (监管)
 * and how the rules did (优化). The rules have their own page ({@link RulePages}).
 */
@Controller
class AlertPages {

	private final Alerts alerts;

	private final Supervision supervision;

	private final Optimisation optimisation;

	private final IncidentQueries incidents;

	private final MessageSource messages;

	private final ZoneId zone;

	private final Clock clock;

	AlertPages(Alerts alerts, Supervision supervision, Optimisation optimisation, IncidentQueries incidents,
			MessageSource messages, ZoneId zone, Clock clock) {
		this.clock = clock;
		this.alerts = alerts;
		this.supervision = supervision;
		this.optimisation = optimisation;
		this.incidents = incidents;
		this.messages = messages;
		this.zone = zone;
	}

	@GetMapping("/command/alerts")
	String list(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) AlertState state,
			@RequestParam(required = false) RuleKind kind, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("page", alerts.list(actor, new JdbcAlerts.Filter(state, kind, false), page));
		model.addAttribute("state", state);
		model.addAttribute("kind", kind);
		model.addAttribute("states", AlertState.values());
		model.addAttribute("kinds", RuleKind.values());
		model.addAttribute("zone", zone);
		model.addAttribute("now", clock.instant());
		model.addAttribute("tab", "alerts");
		return "command/alerts";
	}

	@GetMapping("/command/alerts/{id}")
	String alert(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		AlertDetail detail = alerts.detail(actor, id);
		model.addAttribute("detail", detail);
		model.addAttribute("a", detail.alert());
		model.addAttribute("unitReasons", reasons(detail.advice().units()));
		model.addAttribute("peopleReasons", reasons(detail.advice().people()));
		model.addAttribute("categoryNames", categoryNames());
		model.addAttribute("zone", zone);
		model.addAttribute("now", clock.instant());
		model.addAttribute("tab", "alerts");
		return "command/alert";
	}

	@PostMapping("/command/alerts/{id}/acknowledge")
	String acknowledge(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
		return step(redirect, id, "command.notice.acknowledged", () -> alerts.acknowledge(actor, id));
	}

	@PostMapping("/command/alerts/{id}/assign")
	String assign(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) UUID ownerId, RedirectAttributes redirect) {
		return step(redirect, id, "command.notice.assigned", () -> alerts.assign(actor, id, new AssignAlert(ownerId)));
	}

	@PostMapping("/command/alerts/{id}/handle")
	String handle(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		return step(redirect, id, "command.notice.handled", () -> alerts.handle(actor, id, new HandleAlert(note)));
	}

	@PostMapping("/command/alerts/{id}/close")
	String close(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		return step(redirect, id, "command.notice.closed", () -> alerts.close(actor, id, new CloseAlert(note)));
	}

	@PostMapping("/command/alerts/{id}/dismiss")
	String dismiss(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return step(redirect, id, "command.notice.dismissed",
				() -> alerts.dismiss(actor, id, new DismissAlert(reason)));
	}

	@GetMapping("/command/supervision")
	String supervision(@AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("late", supervision.late(actor));
		model.addAttribute("categoryNames", categoryNames());
		model.addAttribute("zone", zone);
		model.addAttribute("tab", "supervision");
		return "command/supervision";
	}

	@GetMapping("/command/optimisation")
	String optimisation(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "90") String days,
			Model model) {
		int parsed;
		try {
			parsed = Integer.parseInt(days.strip());
		}
		catch (NumberFormatException e) {
			parsed = -1;
		}
		model.addAttribute("form", FormErrors.none());
		try {
			model.addAttribute("report", optimisation.report(actor, parsed));
		}
		catch (DomainException e) {
			if (e.category() != DomainException.Category.INVALID) {
				throw e;
			}
			model.addAttribute("form", FormErrors.of(e, messages));
			model.addAttribute("report", optimisation.report(actor, 90));
		}
		model.addAttribute("days", days);
		model.addAttribute("zone", zone);
		model.addAttribute("tab", "optimisation");
		return "command/optimisation";
	}

	/** The adviser's reasons in the reader's words. */
	private List<String> reasons(List<Advice.Proposal> proposals) {
		var locale = LocaleContextHolder.getLocale();
		return proposals.stream().map(p -> p.reason(messages, locale)).toList();
	}

	private Map<String, String> categoryNames() {
		return incidents.categories().stream().collect(Collectors.toMap(IncidentCategory::code, IncidentCategory::name,
				(a, b) -> a));
	}

	private String step(RedirectAttributes redirect, UUID id, String notice, Runnable command) {
		return FormErrors.step(redirect, "/command/alerts/" + id, notice, command, messages, "command.alertState.",
				"command.alertAction.");
	}
}
