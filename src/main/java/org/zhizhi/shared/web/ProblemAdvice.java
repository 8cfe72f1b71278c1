package org.zhizhi.shared.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.zhizhi.shared.DomainException;

import tools.jackson.core.JacksonException;
import org.zhizhi.shared.ProblemResponses;
import org.zhizhi.shared.ProblemResponses.FieldError;

/**
 * Renders every failure once, in one shape: for the API ({@code /api/**}, {@code /open311/**}) an RFC 9457 problem with
 * a stable {@code code} and field {@code errors[]}; for pages the Chinese error page of the status. Messages come from
 * the message bundles in the caller's language.
 */
@ControllerAdvice
class ProblemAdvice {

	private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

	private static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

	private final MessageSource messages;

	ProblemAdvice(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(DomainException.class)
	Object domain(DomainException exception, HttpServletRequest request, HttpServletResponse response) {
		HttpStatus status = switch (exception.category()) {
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case INVALID -> HttpStatus.BAD_REQUEST;
			case CONFLICT -> HttpStatus.CONFLICT;
			case FORBIDDEN -> HttpStatus.FORBIDDEN;
		};
		List<FieldError> errors = exception.fieldProblems()
			.stream()
			.map(p -> new FieldError(p.field(), message(p.messageKey(), p.args())))
			.toList();
		return respond(request, status, exception.code(), message(exception.messageKey(), exception.args()), errors);
	}

	@ExceptionHandler(BindException.class)
	Object invalidBody(BindException exception, HttpServletRequest request) {
		List<FieldError> errors = exception.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(e -> new FieldError(e.getField(),
					messages.getMessage(e, LocaleContextHolder.getLocale())))
			.toList();
		return respond(request, HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", message("problem.validation"), errors);
	}

	@ExceptionHandler(HandlerMethodValidationException.class)
	Object invalidParameters(HandlerMethodValidationException exception, HttpServletRequest request) {
		List<FieldError> errors = new ArrayList<>();
		exception.getParameterValidationResults()
			.forEach(result -> result.getResolvableErrors()
				.forEach(error -> errors.add(new FieldError(result.getMethodParameter().getParameterName(),
						messages.getMessage(error, LocaleContextHolder.getLocale())))));
		return respond(request, HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", message("problem.validation"), errors);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	Object typeMismatch(MethodArgumentTypeMismatchException exception, HttpServletRequest request) {
		return respond(request, HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", message("problem.validation"),
				List.of(new FieldError(exception.getName(), message("problem.typeMismatch"))));
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	Object missingParameter(MissingServletRequestParameterException exception, HttpServletRequest request) {
		return respond(request, HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", message("problem.validation"),
				List.of(new FieldError(exception.getParameterName(), message("validation.required"))));
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	Object unreadable(HttpMessageNotReadableException exception, HttpServletRequest request) {
		// a value of the wrong type (an unknown enum constant, a malformed UUID…) names its field in the JSON path
		for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
				String problem = cause instanceof JsonInputConfiguration.TextRefused refused ? refused.messageKey()
						: "problem.typeMismatch";
				String field = jackson.getPath()
					.stream()
					.map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
					.reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
					.orElse("");
				return respond(request, HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", message("problem.validation"),
						List.of(new FieldError(field, message(problem))));
			}
		}
		return respond(request, HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", message("problem.malformed"), List.of());
	}

	/**
	 * A unique index refused a row that a concurrent request wrote first (the checks before the insert passed for
	 * both): the loser gets a conflict, never a 500. Commands name their own conflicts where they can.
	 */
	@ExceptionHandler(DuplicateKeyException.class)
	Object duplicate(DuplicateKeyException exception, HttpServletRequest request) {
		return respond(request, HttpStatus.CONFLICT, "CONFLICT", message("problem.concurrentDuplicate"), List.of());
	}

	/** An upload over spring.servlet.multipart's limits, should one be parsed no sooner than here. */
	@ExceptionHandler(MaxUploadSizeExceededException.class)
	Object tooLarge(MaxUploadSizeExceededException exception, HttpServletRequest request) {
		return respond(request, HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE", message("problem.tooLarge"),
				List.of());
	}

	@ExceptionHandler(NoResourceFoundException.class)
	Object noResource(NoResourceFoundException exception, HttpServletRequest request) {
		return respond(request, HttpStatus.NOT_FOUND, "NOT_FOUND", message("problem.noSuchPath"), List.of());
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	Object methodNotAllowed(HttpRequestMethodNotSupportedException exception, HttpServletRequest request) {
		return respond(request, HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", message("problem.method"),
				List.of());
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	Object mediaType(HttpMediaTypeNotSupportedException exception, HttpServletRequest request) {
		return respond(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
				message("problem.mediaType"), List.of());
	}

	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	Object notAcceptable(HttpMediaTypeNotAcceptableException exception, HttpServletRequest request) {
		return respond(request, HttpStatus.NOT_ACCEPTABLE, "NOT_ACCEPTABLE", message("problem.notAcceptable"),
				List.of());
	}

	/** Security failures belong to Spring Security's entry points, which answer in the same shape. */
	@ExceptionHandler({ AccessDeniedException.class, AuthenticationException.class })
	void security(RuntimeException exception) {
		throw exception;
	}

	@ExceptionHandler(Exception.class)
	Object unexpected(Exception exception, HttpServletRequest request) throws Exception {
		if (org.springframework.web.util.DisconnectedClientHelper.isClientDisconnectedException(exception)) {
			// the browser went away mid-answer (a page left while a script still loaded): nobody to answer, no fault
			log.debug("Client gone on {} {}", request.getMethod(), request.getRequestURI());
			return null;
		}
		log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), exception);
		return respond(request, HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", message("problem.internal"),
				List.of());
	}

	private Object respond(HttpServletRequest request, HttpStatus status, String code, String detail,
			List<FieldError> errors) {
		if (isApi(request)) {
			return ResponseEntity.status(status).contentType(PROBLEM_JSON).body(ProblemResponses.problem(status, code, detail, errors,
					request.getRequestURI(), LocaleContextHolder.getLocale(), messages));
		}
		ModelAndView page = new ModelAndView(errorView(status), Map.of("status", status.value(), "code", code,
				"detail", detail, "errors", errors));
		page.setStatus(status);
		return page;
	}

	public static boolean isApi(HttpServletRequest request) {
		// while an error is rendered (the /error dispatch), the path that was asked for decides, not /error
		String uri = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI) instanceof String asked
				? asked : request.getRequestURI();
		return isApiPath(uri.substring(Math.min(uri.length(), request.getContextPath().length())));
	}

	static boolean isApiPath(String path) {
		return path.startsWith("/api/") || path.startsWith("/open311/") || path.startsWith("/actuator/");
	}

	private static String errorView(HttpStatusCode status) {
		return switch (status.value()) {
			case 403 -> "error/403";
			case 404 -> "error/404";
			case 500 -> "error/500";
			default -> "error/error";
		};
	}

	private String message(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}
}
