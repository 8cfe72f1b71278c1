package org.zhizhi.identity.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhizhi.identity.Account;
import org.zhizhi.identity.AccountManagement;
import org.zhizhi.identity.AccountQueries;
import org.zhizhi.identity.CreateAccount;
import org.zhizhi.identity.GridPosition;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.Role;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Account management for API clients; the same rules as the pages: own scope, own reach of roles. */
@RestController
@RequestMapping("/api/v1/accounts")
@Tag(name = "accounts", description = "Accounts")
class AccountApiController {

	private final AccountManagement management;

	private final AccountQueries queries;

	AccountApiController(AccountManagement management, AccountQueries queries) {
		this.management = management;
		this.queries = queries;
	}

	record AccountView(UUID id, String username, String displayName, Set<Role> roles, GridPosition gridPosition,
			UUID orgUnitId, boolean enabled, boolean locked, boolean passwordChangeRequired, Instant createdAt) {

		static AccountView of(Account account, boolean locked) {
			return new AccountView(account.id(), account.username(), account.displayName(), account.roles(),
					account.gridPosition(), account.orgUnitId(), account.enabled(), locked,
					account.passwordChangeRequired(), account.createdAt());
		}
	}

	record NewAccount(String username, String displayName, String password, Set<Role> roles, UUID orgUnitId,
			GridPosition gridPosition) {
	}

	@GetMapping
	@Operation(summary = "Accounts within the caller's scope, 50 a page")
	List<AccountView> list(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page) {
		return queries.list(actor.scope(), q, page)
			.stream()
			.limit(AccountQueries.PAGE_SIZE)
			.map(account -> AccountView.of(account, queries.locked(account)))
			.toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "One account of the caller's scope, with its roles, node and whether sign-ins are held back")
	AccountView get(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return queries.find(actor.scope(), id)
			.map(account -> AccountView.of(account, queries.locked(account)))
			.orElseThrow(() -> DomainException.notFound("account"));
	}

	@PostMapping
	@Operation(summary = "Open an account: roles within the caller's reach, bound to a node within his scope")
	ResponseEntity<AccountView> create(@AuthenticationPrincipal Actor actor, @RequestBody NewAccount body,
			HttpServletRequest request) {
		Account account = management.create(actor, new CreateAccount(body.username(), body.displayName(),
				body.password(), body.roles(), body.orgUnitId(), body.gridPosition()), request.getRemoteAddr());
		return ResponseEntity.created(URI.create("/api/v1/accounts/" + account.id())).body(AccountView.of(account, false));
	}

	@DeleteMapping("/{id}/tokens")
	@Operation(summary = "Revoke all API tokens of the account")
	ResponseEntity<Void> revokeTokens(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			HttpServletRequest request) {
		management.revokeTokens(actor, id, request.getRemoteAddr());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{id}/unlock")
	@Operation(summary = "Lift the sign-in lock")
	ResponseEntity<Void> unlock(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			HttpServletRequest request) {
		management.unlock(actor, id, request.getRemoteAddr());
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/{id}/two-factor")
	@Operation(summary = "Reset two-factor sign-in (security admin): the secret and recovery codes are forgotten")
	ResponseEntity<Void> resetTwoFactor(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			HttpServletRequest request) {
		management.resetTwoFactor(actor, id, request.getRemoteAddr());
		return ResponseEntity.noContent().build();
	}
}
