package org.zhizhi.shared;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

import tools.jackson.databind.json.JsonMapper;

/**
 * The one shape of every API failure: an RFC 9457 problem with a stable {@code code} and field {@code errors[]}. The
 * MVC advice uses it, and so do the security filters, where no advice runs.
 */
@Component
public class ProblemResponses {

	public record FieldError(String field, String message) {
	}

	private final MessageSource messages;

	private final JsonMapper json;

	private final LocaleResolver locales;

	ProblemResponses(MessageSource messages, JsonMapper json, LocaleResolver locales) {
		this.messages = messages;
		this.json = json;
		this.locales = locales;
	}

	public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
			String messageKey) throws IOException {
		// the filters run before the DispatcherServlet sets the user's locale: resolve it the way the pages do
		Locale locale = locales.resolveLocale(request);
		String detail = messages.getMessage(messageKey, null, messageKey, locale);
		ProblemDetail problem = problem(status, code, detail, List.of(), request.getRequestURI(), locale, messages);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), problem);
	}

	public static ProblemDetail problem(HttpStatus status, String code, String detail, List<FieldError> errors,
			String instance, Locale locale, MessageSource messages) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("urn:zhizhi:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-')));
		problem.setTitle(messages.getMessage("status." + status.value(), null, status.getReasonPhrase(), locale));
		problem.setInstance(URI.create(instance));
		problem.setProperty("code", code);
		problem.setProperty("errors", errors);
		return problem;
	}
}
