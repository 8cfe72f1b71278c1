package org.zhizhi.identity.web;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhizhi.identity.Account;
import org.zhizhi.identity.AccountAction;
import org.zhizhi.identity.AuditorAppointment;
import org.zhizhi.identity.AuditorAppointments;
import org.zhizhi.identity.AccountManagement;
import org.zhizhi.identity.AccountQueries;
import org.zhizhi.identity.CreateAccount;
import org.zhizhi.identity.GrantRules;
import org.zhizhi.identity.GridPosition;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.FormErrors;
import org.zhizhi.shared.Role;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.OrgUnitFilter;
import org.zhizhi.territory.OrgUnitQueries;

/** The account pages of security admins and the operational admins, each within his own scope. */
@Controller
@RequestMapping("/accounts")
class AccountController {

	private final AccountQueries queries;

	private final AccountManagement management;

	private final OrgUnitQueries orgUnits;

	private final MessageSource messages;

	private final AuditorAppointments appointments;

	private final Clock clock;

	AccountController(AccountQueries queries, AccountManagement management, AuditorAppointments appointments,
			OrgUnitQueries orgUnits, MessageSource messages, Clock clock) {
		this.queries = queries;
		this.management = management;
		this.appointments = appointments;
		this.orgUnits = orgUnits;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping
	String list(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, Model model) {
		List<Account> rows = queries.list(actor.scope(), q, page);
		model.addAttribute("accounts", rows.stream().limit(AccountQueries.PAGE_SIZE).toList());
		model.addAttribute("hasNext", rows.size() > AccountQueries.PAGE_SIZE);
		model.addAttribute("page", Math.max(page, 0));
		model.addAttribute("q", q);
		model.addAttribute("now", clock.instant());
		model.addAttribute("locked", queries.locked(rows));
		model.addAttribute("mayOpen", !offeredRoles(actor).isEmpty());
		List<AuditorAppointment> open = appointments.open(actor);
		model.addAttribute("appointments", open);
		model.addAttribute("confirmable", open.stream()
			.filter(a -> AuditorAppointments.mayConfirm(actor, a))
			.map(AuditorAppointment::id)
			.collect(Collectors.toSet()));
		return "identity/accounts";
	}

	@GetMapping("/new")
	String form(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String nodeName, Model model) {
		prepareForm(actor, model, new CreateAccount(null, null, null, Set.of(), null, null), FormErrors.none(),
				nodeName);
		return "identity/account-form";
	}

	@PostMapping
	String create(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "") String username,
			@RequestParam(defaultValue = "") String displayName, @RequestParam(defaultValue = "") String password,
			@RequestParam(required = false) Set<Role> roles, @RequestParam(required = false) UUID orgUnitId,
			@RequestParam(required = false) GridPosition gridPosition, HttpServletRequest request, Model model,
			RedirectAttributes redirect) {
		CreateAccount command = new CreateAccount(username, displayName, password, roles, orgUnitId, gridPosition);
		try {
			if (isAppointment(actor, command.roles())) {
				appointments.appoint(actor, command, request.getRemoteAddr());
				redirect.addFlashAttribute("notice", "appointment.created");
				return "redirect:/accounts";
			}
			Account account = management.create(actor, command, request.getRemoteAddr());
			redirect.addFlashAttribute("notice", "account.created");
			return "redirect:/accounts/" + account.id();
		}
		catch (DomainException e) {
			if (e.category() != DomainException.Category.INVALID) {
				throw e;
			}
			prepareForm(actor, model, command, FormErrors.of(e, messages), null);
			return "identity/account-form";
		}
	}

	@GetMapping("/{id}")
	String detail(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		Account account = queries.find(actor.scope(), id).orElseThrow(() -> DomainException.notFound("account"));
		model.addAttribute("account", account);
		model.addAttribute("node", orgUnits.find(actor.scope(), account.orgUnitId()).orElse(null));
		// the page offers exactly the steps the rules allow; the commands check them again
		Set<AccountAction> allowed = management.offeredActions(actor, account);
		model.addAttribute("allowed", allowed.stream().map(Enum::name).collect(Collectors.toSet()));
		model.addAttribute("mayManage", !allowed.isEmpty());
		// a reset the rules allow but that would put both credentials in his hands: say why it is not offered
		Set<AccountAction> ruled = AccountManagement.allowedActions(actor, account);
		model.addAttribute("withheld", ruled.contains(AccountAction.RESET_TWO_FACTOR)
				&& !allowed.contains(AccountAction.RESET_TWO_FACTOR) ? "account.ownPasswordReset"
						: ruled.contains(AccountAction.RESET_PASSWORD) && !allowed.contains(AccountAction.RESET_PASSWORD)
								? "account.ownTwoFactorReset" : null);
		model.addAttribute("mayTakeOver", GrantRules.mayTakeOver(account.roles()));
		model.addAttribute("locked", queries.locked(account));
		model.addAttribute("errors", FormErrors.none());
		return "identity/account";
	}

	@PostMapping("/appointments/{id}/confirm")
	String confirm(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, HttpServletRequest request,
			RedirectAttributes redirect) {
		Account account = appointments.confirm(actor, id, request.getRemoteAddr());
		redirect.addFlashAttribute("notice", "appointment.confirmed");
		return "redirect:/accounts/" + account.id();
	}

	@PostMapping("/{id}/unlock")
	String unlock(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, HttpServletRequest request,
			RedirectAttributes redirect) {
		management.unlock(actor, id, request.getRemoteAddr());
		redirect.addFlashAttribute("notice", "account.unlocked");
		return "redirect:/accounts/" + id;
	}

	@PostMapping("/{id}/two-factor/reset")
	String resetTwoFactor(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, HttpServletRequest request,
			RedirectAttributes redirect) {
		management.resetTwoFactor(actor, id, request.getRemoteAddr());
		redirect.addFlashAttribute("notice", "account.twoFactorReset");
		return "redirect:/accounts/" + id;
	}

	@PostMapping("/{id}/enabled")
	String setEnabled(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @RequestParam boolean enabled,
			HttpServletRequest request, RedirectAttributes redirect) {
		management.setEnabled(actor, id, enabled, request.getRemoteAddr());
		redirect.addFlashAttribute("notice", enabled ? "account.enabledNotice" : "account.disabledNotice");
		return "redirect:/accounts/" + id;
	}

	@PostMapping("/{id}/tokens/revoke")
	String revokeTokens(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, HttpServletRequest request,
			RedirectAttributes redirect) {
		management.revokeTokens(actor, id, request.getRemoteAddr());
		redirect.addFlashAttribute("notice", "account.tokensRevoked");
		return "redirect:/accounts/" + id;
	}

	@PostMapping("/{id}/password")
	String resetPassword(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String password, HttpServletRequest request, Model model,
			RedirectAttributes redirect) {
		try {
			management.resetPassword(actor, id, password, request.getRemoteAddr());
		}
		catch (DomainException e) {
			if (e.category() != DomainException.Category.INVALID) {
				throw e;
			}
			detail(actor, id, model);
			model.addAttribute("errors", FormErrors.of(e, messages));
			return "identity/account";
		}
		redirect.addFlashAttribute("notice", "account.passwordReset");
		return "redirect:/accounts/" + id;
	}

	/** The roles the form offers: those the rules let him grant, and those he may propose for someone to confirm. */
	private static Set<Role> offeredRoles(Actor actor) {
		Set<Role> offered = EnumSet.noneOf(Role.class);
		offered.addAll(GrantRules.grantableBy(actor.roles()));
		offered.addAll(GrantRules.appointableBy(actor.roles()));
		return offered;
	}

	/** A role he may only propose turns the form into an appointment that another administrator confirms. */
	private static boolean isAppointment(Actor actor, Set<Role> roles) {
		Set<Role> appointable = GrantRules.appointableBy(actor.roles());
		return !roles.isEmpty() && roles.stream().anyMatch(appointable::contains)
				&& !GrantRules.grantableBy(actor.roles()).containsAll(roles);
	}

	private void prepareForm(Actor actor, Model model, CreateAccount command, FormErrors errors, String nodeName) {
		model.addAttribute("command", command);
		model.addAttribute("errors", errors);
		model.addAttribute("grantable", offeredRoles(actor));
		model.addAttribute("positions", GridPosition.values());
		model.addAttribute("nodeName", nodeName);
		// the nodes to bind to: looked up by name, since a district holds thousands of grids
		List<OrgUnit> nodes = nodeName == null || nodeName.isBlank()
				? orgUnits.list(actor.scope(), new OrgUnitFilter(null, null, null)).stream().limit(60).toList()
				: orgUnits.list(actor.scope(), new OrgUnitFilter(nodeName, null, null)).stream().limit(60).toList();
		if (command.orgUnitId() != null && nodes.stream().noneMatch(n -> n.id().equals(command.orgUnitId()))) {
			orgUnits.find(actor.scope(), command.orgUnitId()).ifPresent(selected -> {
				model.addAttribute("selectedNode", selected);
			});
		}
		model.addAttribute("nodes", nodes);
	}
}
