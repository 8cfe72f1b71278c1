package org.zhizhi.identity.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.zhizhi.identity.AuditEntry;
import org.zhizhi.identity.AuditEntry.Outcome;
import org.zhizhi.identity.AuditFilter;
import org.zhizhi.identity.AuditTrail;
import org.zhizhi.shared.Actor;
import org.zhizhi.territory.OrgUnitQueries;

/** The auditor's page: the audit trail of his scope, newest first, with filters. */
@Controller
class AuditController {

	private final AuditTrail audit;

	private final OrgUnitQueries orgUnits;

	private final ZoneId zone;

	AuditController(AuditTrail audit, OrgUnitQueries orgUnits, ZoneId zone) {
		this.audit = audit;
		this.orgUnits = orgUnits;
		this.zone = zone;
	}

	@GetMapping("/audit")
	String list(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String username,
			@RequestParam(required = false) String action, @RequestParam(required = false) Outcome outcome,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, Model model) {
		AuditFilter filter = new AuditFilter(username, action, outcome,
				from == null ? null : from.atStartOfDay(zone).toInstant(),
				to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant());
		List<AuditEntry> entries = audit.read(actor.scope(), isRootAuditor(actor), filter, page);
		model.addAttribute("entries", entries.stream().limit(AuditTrail.PAGE_SIZE).toList());
		model.addAttribute("hasNext", entries.size() > AuditTrail.PAGE_SIZE);
		model.addAttribute("page", Math.max(page, 0));
		model.addAttribute("filter", filter);
		model.addAttribute("fromDate", from);
		model.addAttribute("toDate", to);
		model.addAttribute("outcomes", Outcome.values());
		model.addAttribute("rootAuditor", isRootAuditor(actor));
		return "identity/audit";
	}

	/** The chain check, for an auditor of the whole installation; anyone else is shown the trail without it. */
	@GetMapping("/audit/chain")
	String chain(@AuthenticationPrincipal Actor actor, Model model) {
		if (!isRootAuditor(actor)) {
			return "redirect:/audit";
		}
		model.addAttribute("check", audit.verifyChain());
		return list(actor, null, null, null, null, null, 0, model);
	}

	/** Entries with no scope (sign-ins under unknown names) belong to the whole installation: root auditors only. */
	boolean isRootAuditor(Actor actor) {
		return orgUnits.bindingOf(actor.scope().orgUnitId()).map(node -> node.parentId() == null).orElse(false);
	}
}
