package org.zhizhi.identity.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.zhizhi.identity.Account;
import org.zhizhi.identity.AuditorAppointment;
import org.zhizhi.identity.AuditorAppointments;
import org.zhizhi.identity.CreateAccount;
import org.zhizhi.identity.web.AccountApiController.AccountView;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.Role;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Auditors are appointed by one administrator and confirmed by another; the account opens at the confirmation. */
@RestController
@RequestMapping("/api/v1/auditor-appointments")
@Tag(name = "accounts", description = "Accounts")
class AuditorAppointmentApiController {

	private final AuditorAppointments appointments;

	AuditorAppointmentApiController(AuditorAppointments appointments) {
		this.appointments = appointments;
	}

	record NewAppointment(String username, String displayName, String password, UUID orgUnitId) {
	}

	record AppointmentView(UUID id, String username, String displayName, UUID orgUnitId, UUID appointedBy,
			Instant appointedAt, boolean mayConfirm) {

		static AppointmentView of(AuditorAppointment appointment, Actor actor) {
			return new AppointmentView(appointment.id(), appointment.username(), appointment.displayName(),
					appointment.orgUnitId(), appointment.appointedBy(), appointment.appointedAt(),
					AuditorAppointments.mayConfirm(actor, appointment));
		}
	}

	@GetMapping
	@Operation(summary = "Open auditor appointments within the caller's scope")
	List<AppointmentView> list(@AuthenticationPrincipal Actor actor) {
		return appointments.open(actor).stream().map(a -> AppointmentView.of(a, actor)).toList();
	}

	@PostMapping
	@Operation(summary = "Appoint an auditor (system admin); the account opens when another administrator confirms")
	ResponseEntity<AppointmentView> appoint(@AuthenticationPrincipal Actor actor, @RequestBody NewAppointment body,
			HttpServletRequest request) {
		AuditorAppointment appointment = appointments.appoint(actor, new CreateAccount(body.username(),
				body.displayName(), body.password(), Set.of(Role.AUDITOR), body.orgUnitId(), null),
				request.getRemoteAddr());
		return ResponseEntity.created(URI.create("/api/v1/auditor-appointments/" + appointment.id()))
			.body(AppointmentView.of(appointment, actor));
	}

	@PostMapping("/{id}/confirm")
	@Operation(summary = "Confirm another administrator's appointment (security admin): opens the auditor's account")
	ResponseEntity<AccountView> confirm(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			HttpServletRequest request) {
		Account account = appointments.confirm(actor, id, request.getRemoteAddr());
		return ResponseEntity.created(URI.create("/api/v1/accounts/" + account.id()))
			.body(AccountView.of(account, false));
	}
}
