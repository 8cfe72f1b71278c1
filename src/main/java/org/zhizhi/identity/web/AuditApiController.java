package org.zhizhi.identity.web;

import java.time.Instant;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhizhi.identity.AuditEntry;
import org.zhizhi.identity.AuditEntry.Outcome;
import org.zhizhi.identity.AuditFilter;
import org.zhizhi.identity.AuditSeal;
import org.zhizhi.identity.AuditTrail;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.Actor;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "audit", description = "The audit trail (auditors only)")
class AuditApiController {

	private final AuditTrail audit;

	private final AuditController pages;

	AuditApiController(AuditTrail audit, AuditController pages) {
		this.audit = audit;
		this.pages = pages;
	}

	@GetMapping("/api/v1/audit-entries")
	@Operation(summary = "Audit entries within the caller's scope, newest first, 50 a page")
	List<AuditEntry> list(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String username,
			@RequestParam(required = false) String action, @RequestParam(required = false) Outcome outcome,
			@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
			@RequestParam(defaultValue = "0") int page) {
		return audit.read(actor.scope(), pages.isRootAuditor(actor), new AuditFilter(username, action, outcome, from, to),
				page).stream().limit(AuditTrail.PAGE_SIZE).toList();
	}

	/** The answer of a chain check: how many entries were checked, and where the chain first stops holding. */
	record ChainAnswer(boolean intact, long checked, AuditSeal.Break firstBreak) {
	}

	@GetMapping("/api/v1/audit-entries/chain")
	@Operation(summary = "Checks the audit trail's HMAC chain and names its first break (auditors of the whole "
			+ "installation only)")
	ChainAnswer chain(@AuthenticationPrincipal Actor actor) {
		if (!pages.isRootAuditor(actor)) {
			throw new DomainException(Category.FORBIDDEN, "FORBIDDEN", "problem.forbidden");
		}
		AuditSeal.Check check = audit.verifyChain();
		return new ChainAnswer(check.intact(), check.checked(), check.firstBreak().orElse(null));
	}
}
