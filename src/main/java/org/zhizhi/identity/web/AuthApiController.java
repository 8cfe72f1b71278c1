package org.zhizhi.identity.web;

import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.zhizhi.identity.AccountQueries;
import org.zhizhi.identity.ApiTokens;
import org.zhizhi.identity.AuditEntry.Outcome;
import org.zhizhi.identity.AuditTrail;
import org.zhizhi.identity.Authenticator;
import org.zhizhi.identity.LoginFailed;
import org.zhizhi.identity.TwoFactor;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.ProblemResponses;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Sign-in for API clients: a username and password in, a bearer token out. */
@RestController
@RequestMapping("/api/v1/auth/token")
@Tag(name = "auth", description = "Sign-in and tokens")
class AuthApiController {

	private final Authenticator authenticator;

	private final ApiTokens tokens;

	private final AccountQueries accounts;

	private final AuditTrail audit;

	private final MessageSource messages;

	private final TwoFactor twoFactor;

	AuthApiController(Authenticator authenticator, ApiTokens tokens, AccountQueries accounts, AuditTrail audit,
			MessageSource messages, TwoFactor twoFactor) {
		this.twoFactor = twoFactor;
		this.authenticator = authenticator;
		this.tokens = tokens;
		this.accounts = accounts;
		this.audit = audit;
		this.messages = messages;
	}

	/**
	 * {@code totp}: the current code of the authenticator app, or one of the recovery codes; required of staff
	 * accounts (issue 11), ignored for residents and party members and, in demo mode, for the demo accounts.
	 */
	record TokenRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 128) String password,
			@Size(max = 32) String totp) {
	}

	record TokenResponse(String token, Instant expiresAt) {
	}

	@PostMapping
	@Operation(summary = "Exchange a username, password and (staff) TOTP code for a bearer token")
	ResponseEntity<?> issue(@Valid @RequestBody TokenRequest body, HttpServletRequest request) {
		Actor actor;
		try {
			actor = authenticator.authenticate(body.username(), body.password(), request.getRemoteAddr());
			// an initial password is refused before the second factor is asked for, as it was before issue 11
			if (accounts.passwordChangeRequired(actor.userId())) {
				return problem(HttpStatus.FORBIDDEN, "PASSWORD_CHANGE_REQUIRED", "password.changeRequired", request);
			}
			if (twoFactor.required(actor)) {
				// the app is enrolled on the sign-in page only, where the QR code can be shown
				if (!twoFactor.enrolled(actor.userId())) {
					return problem(HttpStatus.FORBIDDEN, "TWO_FACTOR_ENROLMENT_REQUIRED", "twoFactor.enrolFirst",
							List.of(), request);
				}
				if (body.totp() == null || body.totp().isBlank()) {
					return problem(HttpStatus.UNAUTHORIZED, "TWO_FACTOR_REQUIRED", "twoFactor.required",
							List.of(totpError("twoFactor.required")), request);
				}
				twoFactor.verify(actor, body.totp(), request.getRemoteAddr());
			}
		}
		catch (LoginFailed failure) {
			if (failure.reason() == LoginFailed.Reason.THROTTLED) {
				// the same answer whether the name is a real account or not (RFC 9110 Retry-After, in seconds)
				ResponseEntity<?> throttled = problem(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_ATTEMPTS",
						"login.error.THROTTLED", request);
				return ResponseEntity.status(throttled.getStatusCode())
					.headers(throttled.getHeaders())
					.header(HttpHeaders.RETRY_AFTER, String.valueOf(wholeSecondsUp(failure.retryAfter())))
					.body(throttled.getBody());
			}
			if (failure.reason() == LoginFailed.Reason.BAD_SECOND_FACTOR) {
				return problem(HttpStatus.UNAUTHORIZED, "BAD_TWO_FACTOR_CODE", "twoFactor.wrong",
						List.of(totpError("twoFactor.wrong")), request);
			}
			String code = failure.reason() == LoginFailed.Reason.DISABLED ? "ACCOUNT_DISABLED" : "BAD_CREDENTIALS";
			return problem(HttpStatus.UNAUTHORIZED, code, "login.error." + failure.reason().name(), request);
		}
		ApiTokens.IssuedToken issued = tokens.issue(actor);
		audit.record(actor, request.getRemoteAddr(), "TOKEN_ISSUE", "account", actor.userId().toString(),
				Outcome.SUCCESS, "expires " + issued.expiresAt());
		return ResponseEntity.ok()
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(new TokenResponse(issued.token(), issued.expiresAt()));
	}

	@DeleteMapping
	@Operation(summary = "Revoke the token of this request (sign out)")
	ResponseEntity<Void> revoke(@AuthenticationPrincipal Actor actor,
			@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization, HttpServletRequest request) {
		tokens.revoke(authorization.substring(7).strip());
		audit.record(actor, request.getRemoteAddr(), "TOKEN_REVOKE", "account", actor.userId().toString(),
				Outcome.SUCCESS, null);
		return ResponseEntity.noContent().build();
	}

	/** Retry-After counts whole seconds: rounded up, so that a client waiting that long is let in. */
	private static long wholeSecondsUp(java.time.Duration wait) {
		return Math.max(1, wait.plusNanos(999_999_999).toSeconds());
	}

	private ResponseEntity<?> problem(HttpStatus status, String code, String key, HttpServletRequest request) {
		return problem(status, code, key, List.of(), request);
	}

	private ResponseEntity<?> problem(HttpStatus status, String code, String key,
			List<ProblemResponses.FieldError> errors, HttpServletRequest request) {
		var locale = LocaleContextHolder.getLocale();
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ProblemResponses.problem(status, code, messages.getMessage(key, null, key, locale), errors,
					request.getRequestURI(), locale, messages));
	}

	private ProblemResponses.FieldError totpError(String key) {
		return new ProblemResponses.FieldError("totp",
				messages.getMessage(key, null, key, LocaleContextHolder.getLocale()));
	}
}
