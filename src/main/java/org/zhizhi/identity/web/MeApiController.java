package org.zhizhi.identity.web;

import java.util.Set;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.zhizhi.identity.AccountQueries;
import org.zhizhi.identity.GridPosition;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.Role;
import org.zhizhi.territory.OrgLevel;
import org.zhizhi.territory.OrgUnitQueries;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "auth", description = "Sign-in and tokens")
class MeApiController {

	private final AccountQueries accounts;

	private final OrgUnitQueries orgUnits;

	MeApiController(AccountQueries accounts, OrgUnitQueries orgUnits) {
		this.accounts = accounts;
		this.orgUnits = orgUnits;
	}

	record ScopeNode(UUID id, String name, String code, OrgLevel level) {
	}

	record Me(UUID id, String username, String displayName, Set<Role> roles, GridPosition gridPosition,
			ScopeNode scope) {
	}

	@GetMapping("/api/v1/me")
	@Operation(summary = "The signed-in user, his roles and data scope")
	Me me(@AuthenticationPrincipal Actor actor) {
		var account = accounts.find(actor.scope(), actor.userId())
			.orElseThrow(() -> DomainException.notFound("account"));
		var node = orgUnits.bindingOf(actor.scope().orgUnitId()).orElseThrow(() -> DomainException.notFound("org-unit"));
		return new Me(actor.userId(), actor.username(), actor.displayName(), actor.roles(), account.gridPosition(),
				new ScopeNode(node.id(), node.name(), node.code(), node.level()));
	}
}
