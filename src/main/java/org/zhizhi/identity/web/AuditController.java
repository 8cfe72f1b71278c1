package org.zhizhi.identity.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.zhizhi.identity.AuditEntry;
import org.zhizhi.identity.AuditEntry.Outcome;
import org.zhizhi.identity.AuditFilter;
import org.zhizhi.identity.AuditLine;
import org.zhizhi.identity.AuditNaming;
import org.zhizhi.identity.AuditTrail;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.spreadsheet.Xlsx;
import org.zhizhi.territory.OrgUnitQueries;

/**
 * The auditor's page: the audit trail of his scope, newest first, each entry a sentence with names (ids for the mouse),
 * filtered by person, action, object, outcome and time, and the same filter as a spreadsheet.
 */
@Controller
class AuditController {

	/** The most rows one spreadsheet holds: a narrower filter (a day, a person) for more. */
	static final int EXPORT_LIMIT = 10_000;

	/**
	 * The actions offered in the filter, in the order an auditor looks for them; each is named by
	 * {@code auditAction.<action>} in both bundles (AuditPhrasesTests). Any other action still filters when typed into
	 * the address (the API takes any prefix).
	 */
	static final List<String> ACTIONS = List.of("LOGIN", "LOGIN_SECOND_FACTOR", "LOGOUT", "ACCOUNT_CREATE",
			"ACCOUNT_ENABLE", "ACCOUNT_DISABLE", "ACCOUNT_UNLOCK", "PASSWORD_CHANGE", "PASSWORD_RESET",
			"TWO_FACTOR_RESET", "TOKEN_ISSUE", "TOKENS_REVOKE", "RESIDENT_VIEW_FULL", "POST /partnership/meetings",
			"POST /partnership/meetings/{id}/decisions", "POST /partnership/meetings/{id}/minutes",
			"POST /partnership/lists", "POST /incidents/{id}/whistle", "POST /m/report", "POST /topics",
			"POST /m/wish", "POST", "PUT", "DELETE");

	private final AuditTrail audit;

	private final AuditNaming naming;

	private final OrgUnitQueries orgUnits;

	private final MessageSource messages;

	private final ZoneId zone;

	private final Clock clock;

	AuditController(AuditTrail audit, AuditNaming naming, OrgUnitQueries orgUnits, MessageSource messages,
			ZoneId zone, Clock clock) {
		this.clock = clock;
		this.audit = audit;
		this.naming = naming;
		this.orgUnits = orgUnits;
		this.messages = messages;
		this.zone = zone;
	}

	/** The page's filter as the form sends it: dates are days of the installation's zone, both ends included. */
	record Criteria(String person, String action, String object, Outcome outcome,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {

		AuditFilter filter(ZoneId zone) {
			return new AuditFilter(null, action, outcome, from == null ? null : from.atStartOfDay(zone).toInstant(),
					to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(), person, object);
		}
	}

	@GetMapping("/audit")
	String list(@AuthenticationPrincipal Actor actor, @ModelAttribute("criteria") Criteria criteria,
			@RequestParam(defaultValue = "0") int page, Locale locale, Model model) {
		List<AuditEntry> entries = audit.read(actor.scope(), isRootAuditor(actor), criteria.filter(zone), page);
		List<AuditEntry> shown = entries.stream().limit(AuditTrail.PAGE_SIZE).toList();
		model.addAttribute("lines", naming.lines(shown, actor.scope(), locale));
		model.addAttribute("hasNext", entries.size() > AuditTrail.PAGE_SIZE);
		model.addAttribute("page", Math.max(page, 0));
		model.addAttribute("actions", actions(criteria.action()));
		model.addAttribute("outcomes", Outcome.values());
		model.addAttribute("rootAuditor", isRootAuditor(actor));
		model.addAttribute("today", LocalDate.now(clock.withZone(zone)));
		return "identity/audit";
	}

	/** The filtered trail as .xlsx: the same sentences, with the ids and accounts the page keeps for the mouse. */
	@GetMapping("/audit/export.xlsx")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal Actor actor, @ModelAttribute Criteria criteria,
			Locale locale) {
		List<AuditEntry> entries = audit.readAll(actor.scope(), isRootAuditor(actor), criteria.filter(zone),
				EXPORT_LIMIT);
		List<AuditLine> lines = new ArrayList<>(entries.size());
		// named a page at a time, as the page itself is: one question per module per page, not per entry
		for (int i = 0; i < entries.size(); i += AuditTrail.PAGE_SIZE) {
			lines.addAll(naming.lines(entries.subList(i, Math.min(entries.size(), i + AuditTrail.PAGE_SIZE)),
					actor.scope(), locale));
		}
		return Xlsx.download(AuditWorkbook.of(lines, messages, locale, zone),
				"audit-" + LocalDate.now(clock.withZone(zone)) + ".xlsx");
	}

	/** The chain check, for an auditor of the whole installation; anyone else is shown the trail without it. */
	@GetMapping("/audit/chain")
	String chain(@AuthenticationPrincipal Actor actor, Locale locale, Model model) {
		if (!isRootAuditor(actor)) {
			return "redirect:/audit";
		}
		model.addAttribute("check", audit.verifyChain());
		Criteria none = new Criteria(null, null, null, null, null, null);
		model.addAttribute("criteria", none);
		return list(actor, none, 0, locale, model);
	}

	/** Entries with no scope (sign-ins under unknown names) belong to the whole installation: root auditors only. */
	boolean isRootAuditor(Actor actor) {
		return orgUnits.bindingOf(actor.scope().orgUnitId()).map(node -> node.parentId() == null).orElse(false);
	}

	/** The filter's choices, and the chosen one too when it came from elsewhere (a link, the address). */
	private static List<String> actions(String chosen) {
		if (chosen == null || chosen.isBlank() || ACTIONS.contains(chosen)) {
			return ACTIONS;
		}
		List<String> all = new ArrayList<>(ACTIONS);
		all.add(chosen);
		return all;
	}
}
