package org.zhizhi.shared;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The messages of a refused form, per field, in the user's language — the same messages the API puts in a problem's
 * {@code errors[]}, shown beside the field. Messages not tied to a field are under {@code "_form"}.
 */
public record FormErrors(Map<String, List<String>> byField) implements Serializable {

	public static final String FORM = "_form";

	/**
	 * Set on the request when a form is shown again with its errors: the audit trail then records the write as a
	 * failure, although the page itself answers 200.
	 */
	public static final String REFUSED_ATTRIBUTE = "zhizhi.formRefused";

	public static FormErrors none() {
		return new FormErrors(Map.of());
	}

	public static FormErrors of(DomainException exception, MessageSource messages) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null) {
			request.setAttribute(REFUSED_ATTRIBUTE, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
		}
		Map<String, List<String>> byField = new LinkedHashMap<>();
		var locale = LocaleContextHolder.getLocale();
		for (var problem : exception.fieldProblems()) {
			byField.computeIfAbsent(problem.field(), f -> new ArrayList<>())
				.add(messages.getMessage(problem.messageKey(), problem.args(), problem.messageKey(), locale));
		}
		if (byField.isEmpty()) {
			byField.put(FORM, List.of(messages.getMessage(exception.messageKey(), exception.args(),
					exception.messageKey(), locale)));
		}
		return new FormErrors(byField);
	}

	public boolean has(String field) {
		return byField.containsKey(field);
	}

	public List<String> of(String field) {
		return byField.getOrDefault(field, List.of());
	}

	public boolean any() {
		return !byField.isEmpty();
	}
}
