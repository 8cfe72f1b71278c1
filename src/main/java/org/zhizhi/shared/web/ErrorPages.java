package org.zhizhi.shared.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.zhizhi.shared.ProblemResponses;
import org.zhizhi.shared.ProblemResponses.FieldError;

/**
 * Every error that did not pass through {@link ProblemAdvice} ends here: refusals of the servlet filters (an upload
 * over the limit, a NUL byte, the firewall's rejected paths), the security chains' {@code sendError}, and what the
 * servlet container itself refuses. Replaces Spring Boot's error controller, whose answer for the API was its own JSON
 * and not RFC 9457: the API gets a problem with a stable code, the pages the Chinese error page.
 */
@Controller
class ErrorPages implements ErrorController {

	private final MessageSource messages;

	ErrorPages(MessageSource messages) {
		this.messages = messages;
	}

	@RequestMapping("${server.error.path:${error.path:/error}}")
	Object error(HttpServletRequest request) {
		RequestProblem problem = request.getAttribute(RequestProblem.ATTRIBUTE) instanceof RequestProblem p ? p
				: fromContainer(request);
		Locale locale = LocaleContextHolder.getLocale();
		List<FieldError> errors = problem.errors()
			.stream()
			.map(e -> new FieldError(e.field(), message(e.messageKey(), locale)))
			.toList();
		String detail = message(problem.detailKey(), locale);
		String uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String original ? original
				: request.getRequestURI();
		if (ProblemAdvice.isApi(request)) {
			return ResponseEntity.status(problem.status())
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(ProblemResponses.problem(problem.status(), problem.code(), detail, errors, safe(uri), locale,
						messages));
		}
		String view = switch (problem.status().value()) {
			case 403 -> "error/403";
			case 404 -> "error/404";
			case 500 -> "error/500";
			default -> "error/error";
		};
		ModelAndView page = new ModelAndView(view,
				Map.of("status", problem.status().value(), "code", problem.code(), "detail", detail, "errors", errors));
		page.setStatus(problem.status());
		return page;
	}

	/** What the container or a filter said: the status it set and the exception it caught, if any. */
	private static RequestProblem fromContainer(HttpServletRequest request) {
		Throwable failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t ? t : null;
		if (InputGuardFilter.tooLarge(failure)) {
			return new RequestProblem(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE", "problem.tooLarge", List.of());
		}
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof RequestRejectedException) {
				return new RequestProblem(HttpStatus.BAD_REQUEST, "REQUEST_REJECTED", "problem.rejected", List.of());
			}
		}
		// /error asked for directly, not as the container's error dispatch: there is no such page
		int code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer i ? i
				: failure == null ? 404 : 500;
		HttpStatus status = HttpStatus.resolve(code);
		if (status == null) {
			status = code >= 500 ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.BAD_REQUEST;
		}
		return switch (status) {
			case UNAUTHORIZED -> new RequestProblem(status, "UNAUTHENTICATED", "problem.unauthenticated", List.of());
			case FORBIDDEN -> new RequestProblem(status, "FORBIDDEN", "problem.forbidden", List.of());
			case NOT_FOUND -> new RequestProblem(status, "NOT_FOUND", "problem.noSuchPath", List.of());
			case METHOD_NOT_ALLOWED -> new RequestProblem(status, "METHOD_NOT_ALLOWED", "problem.method", List.of());
			case CONTENT_TOO_LARGE -> new RequestProblem(status, "PAYLOAD_TOO_LARGE", "problem.tooLarge", List.of());
			case REQUEST_HEADER_FIELDS_TOO_LARGE ->
				new RequestProblem(status, "HEADERS_TOO_LARGE", "problem.headersTooLarge", List.of());
			case BAD_REQUEST -> new RequestProblem(status, "MALFORMED_REQUEST", "problem.badRequest", List.of());
			default -> status.is5xxServerError()
					? new RequestProblem(status, "INTERNAL_ERROR", "problem.internal", List.of())
					: new RequestProblem(status, "REQUEST_REFUSED", "problem.badRequest", List.of());
		};
	}

	/** The instance of a problem: the path asked for, without what a URI cannot hold (a rejected path may have it). */
	static String safe(String uri) {
		String kept = uri.replaceAll("[^A-Za-z0-9\\-._~:/?#\\[\\]@!$&'()*+,;=%]", "");
		try {
			return java.net.URI.create(kept).toString();
		}
		catch (IllegalArgumentException e) {
			return kept.replace("%", "");
		}
	}

	private String message(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}
}
