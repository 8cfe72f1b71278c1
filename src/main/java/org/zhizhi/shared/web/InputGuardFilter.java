package org.zhizhi.shared.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.zhizhi.shared.ProblemResponses;
import org.zhizhi.shared.TextInput;

/**
 * Refuses, before anything else reads it, input no handler could take: a body over the upload limit (413, where it
 * used to surface as a 500 from whichever filter first read a parameter — CSRF on the pages), and a character
 * {@link TextInput} refuses — NUL, another control character, a text-direction override — in any query parameter,
 * form field or uploaded file's name (400, naming the field). JSON bodies are checked by
 * {@link JsonInputConfiguration}. One rule for every module's fields, so that no new field can forget it. Runs after
 * the character encoding is set and before the security chains, on every request; the refusal is rendered by
 * {@link ErrorPages}.
 */
@Component
@Order(InputGuardFilter.ORDER)
public class InputGuardFilter extends OncePerRequestFilter {

	private final ProblemResponses problems;

	private final MessageSource messages;

	private final LocaleResolver locales;

	/** Before the security filters (so before CSRF reads the form), after Spring's character encoding filter. */
	public static final int ORDER = SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10;

	InputGuardFilter(ProblemResponses problems, MessageSource messages, LocaleResolver locales) {
		this.problems = problems;
		this.messages = messages;
		this.locales = locales;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		List<RequestProblem.Field> refused = new ArrayList<>();
		if (isMultipart(request)) {
			try {
				for (Part part : request.getParts()) {
					String refusal = TextInput.refusal(part.getSubmittedFileName());
					if (refusal != null) {
						refused.add(new RequestProblem.Field(part.getName(), refusal));
					}
				}
			}
			catch (IllegalStateException | IOException | ServletException e) {
				if (tooLarge(e)) {
					// answered here, not through the /error dispatch: there every read of a parameter (the language
					// switch, the CSRF token) would throw the upload's failure again
					tooLarge(request, response);
					return;
				}
				throw e;
			}
		}
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			String refusal = TextInput.refusal(parameter.getKey());
			for (String value : parameter.getValue()) {
				refusal = worse(refusal, TextInput.refusal(value));
			}
			if (refusal != null) {
				refused.add(new RequestProblem.Field(TextInput.visible(parameter.getKey()), refusal));
			}
		}
		if (!refused.isEmpty()) {
			refuse(request, response,
					new RequestProblem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "problem.validation", refused));
			return;
		}
		chain.doFilter(request, response);
	}

	/** A NUL is named before another control character: it is the one the database cannot store. */
	private static String worse(String one, String other) {
		return TextInput.NUL_MESSAGE.equals(one) || other == null ? one : other;
	}

	private static boolean isMultipart(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
	}

	/** Tomcat reports a part or a request over the multipart limits as a wrapped FileUpload size exception. */
	static boolean tooLarge(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			String name = cause.getClass().getSimpleName();
			if (name.contains("SizeLimitExceeded") || name.contains("SizeException")
					|| name.equals("MaxUploadSizeExceededException")) {
				return true;
			}
		}
		return false;
	}

	private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (ProblemAdvice.isApi(request)) {
			problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE", "problem.tooLarge");
			return;
		}
		Locale locale = locales.resolveLocale(request);
		response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
		response.setContentType("text/html;charset=UTF-8");
		response.getWriter()
			.write(ContainerErrors.page(HttpStatus.CONTENT_TOO_LARGE.value(),
					messages.getMessage("error.title", null, locale),
					messages.getMessage("problem.tooLarge", null, locale),
					messages.getMessage("error.back", null, locale), locale));
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response, RequestProblem problem)
			throws IOException {
		request.setAttribute(RequestProblem.ATTRIBUTE, problem);
		response.sendError(problem.status().value());
	}
}
