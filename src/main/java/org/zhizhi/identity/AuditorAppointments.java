package org.zhizhi.identity;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.identity.AuditEntry.Outcome;
import org.zhizhi.identity.persistence.JdbcAccounts;
import org.zhizhi.identity.persistence.JdbcAuditorAppointments;
import org.zhizhi.identity.persistence.JdbcAuditorAppointments.Pending;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DemoMode;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.Ids;
import org.zhizhi.shared.Role;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.OrgUnitQueries;

/**
 * The two-person appointment of auditors: one administrator proposes (the system admin), another confirms (the
 * security admin), and only then does the account open. Who may do which is {@link AccountRules}'; that the two are
 * different people is checked here and once more by the confirming statement itself.
 */
@Service
public class AuditorAppointments {

	private final JdbcAuditorAppointments appointments;

	private final JdbcAccounts accounts;

	private final AccountManagement management;

	private final OrgUnitQueries orgUnits;

	private final PasswordEncoder passwords;

	private final AuditTrail audit;

	private final DemoMode demoMode;

	private final Clock clock;

	AuditorAppointments(JdbcAuditorAppointments appointments, JdbcAccounts accounts, AccountManagement management,
			OrgUnitQueries orgUnits, PasswordEncoder passwords, AuditTrail audit, DemoMode demoMode, Clock clock) {
		this.appointments = appointments;
		this.accounts = accounts;
		this.management = management;
		this.orgUnits = orgUnits;
		this.passwords = passwords;
		this.audit = audit;
		this.demoMode = demoMode;
		this.clock = clock;
	}

	/** Proposes an auditor; nothing opens until someone else confirms. */
	@Transactional
	public AuditorAppointment appoint(Actor appointer, CreateAccount command, String remoteAddress) {
		List<FieldProblem> problems = management.checkFields(command);
		String username = command.username() == null ? null : command.username().strip().toLowerCase(Locale.ROOT);
		if (username != null && appointments.openFor(username)) {
			problems.add(new FieldProblem("username", "account.username.taken"));
		}
		OrgUnit node = command.orgUnitId() == null ? null
				: orgUnits.find(appointer.scope(), command.orgUnitId()).orElse(null);
		if (node == null) {
			problems.add(new FieldProblem("orgUnitId", "account.scope.beyondReach"));
		}
		else {
			problems.addAll(GrantRules.checkAppointment(appointer, command.roles(), node.scope(), node.level()));
		}
		if (!problems.isEmpty()) {
			audit.record(appointer, remoteAddress, "AUDITOR_APPOINT", "appointment", username, Outcome.DENIED,
					"refused: " + problems.stream().map(FieldProblem::messageKey).distinct().toList());
			throw DomainException.invalid(problems);
		}
		AuditorAppointment appointment = new AuditorAppointment(Ids.newId(clock), username,
				command.displayName().strip(), node.id(), node.path(), appointer.userId(), appointer.displayName(),
				clock.instant());
		if (!appointments.insert(appointment, passwords.encode(command.password()))) {
			throw DomainException.invalid(List.of(new FieldProblem("username", "account.username.taken")));
		}
		audit.record(appointer, remoteAddress, "AUDITOR_APPOINT", "appointment", appointment.id().toString(),
				Outcome.SUCCESS, username + " @ " + node.name() + " (awaiting confirmation)");
		return appointment;
	}

	/** The open appointments within the administrator's scope. */
	@Transactional(readOnly = true)
	public List<AuditorAppointment> open(Actor actor) {
		if (!mayConfirm(actor) && GrantRules.appointableBy(actor.roles()).isEmpty()) {
			return List.of();
		}
		return appointments.open(actor.scope());
	}

	/** Whether this administrator may confirm this appointment: the rules let him, and he did not propose it. */
	public static boolean mayConfirm(Actor actor, AuditorAppointment appointment) {
		return mayConfirm(actor) && !appointment.appointedBy().equals(actor.userId());
	}

	private static boolean mayConfirm(Actor actor) {
		return AccountRules.rolesFor(actor.roles(), AccountAction.CONFIRM).contains(Role.AUDITOR);
	}

	/** Confirms another administrator's appointment and opens the auditor's account. */
	@Transactional
	public Account confirm(Actor confirmer, UUID appointmentId, String remoteAddress) {
		Pending pending = appointments.findOpen(confirmer.scope(), appointmentId)
			.orElseThrow(() -> DomainException.notFound("appointment"));
		AuditorAppointment appointment = pending.appointment();
		if (!mayConfirm(confirmer, appointment)) {
			boolean own = appointment.appointedBy().equals(confirmer.userId());
			audit.record(confirmer, remoteAddress, "AUDITOR_CONFIRM", "appointment", appointmentId.toString(),
					Outcome.DENIED, own ? "own appointment" : "not allowed");
			throw own ? new DomainException(Category.FORBIDDEN, "OWN_APPOINTMENT", "appointment.own")
					: new DomainException(Category.FORBIDDEN, "FORBIDDEN", "problem.forbidden");
		}
		Account account = new Account(Ids.newId(clock), appointment.username(), appointment.displayName(),
				Set.of(Role.AUDITOR), null, appointment.orgUnitId(), appointment.scopePath(), true, null,
				!demoMode.enabled(), clock.instant());
		if (!accounts.insert(account, pending.passwordHash(), appointment.appointedBy())) {
			throw new DomainException(Category.CONFLICT, "USERNAME_TAKEN", "account.username.taken");
		}
		if (!appointments.confirm(appointmentId, confirmer.userId(), account.id(), clock.instant())) {
			// someone else confirmed it first: this transaction's account goes with the rollback
			throw new DomainException(Category.CONFLICT, "ALREADY_CONFIRMED", "appointment.alreadyConfirmed");
		}
		audit.record(confirmer, remoteAddress, "AUDITOR_CONFIRM", "account", account.id().toString(),
				Outcome.SUCCESS, account.username() + " appointed by " + appointment.appointedByName());
		return account;
	}
}
