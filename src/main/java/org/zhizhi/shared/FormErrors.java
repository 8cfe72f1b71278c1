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

	/**
	 * A refused step as a page says it above the form: a step the state does not allow names the state and the step
	 * in people's words ({@code statePrefix + state}, {@code stepPrefix + action}); any other refusal its messages.
	 */
	public static List<String> stepMessages(DomainException exception, MessageSource messages, String statePrefix,
			String stepPrefix) {
		var locale = LocaleContextHolder.getLocale();
		Object[] args = exception.args();
		if ("ILLEGAL_TRANSITION".equals(exception.code()) && args.length == 2) {
			String state = messages.getMessage(statePrefix + args[0], null, String.valueOf(args[0]), locale);
			String step = messages.getMessage(stepPrefix + args[1], null, String.valueOf(args[1]), locale);
			return List.of(messages.getMessage(exception.messageKey(), new Object[] { state, step }, locale));
		}
		return of(exception, messages).byField().values().stream().flatMap(List::stream).toList();
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

	/**
	 * One step of a page's form, then back to the page: on success the notice flashed for it, on a refusal its
	 * messages ({@code stepProblems}, as {@link #stepMessages} words them); a missing object stays a 404.
	 */
	public static String step(org.springframework.web.servlet.mvc.support.RedirectAttributes redirect, String back,
			String notice, Runnable command, MessageSource messages, String statePrefix, String stepPrefix) {
		try {
			command.run();
			redirect.addFlashAttribute("notice", notice);
		}
		catch (DomainException e) {
			if (e.category() == DomainException.Category.NOT_FOUND) {
				throw e;
			}
			redirect.addFlashAttribute("stepProblems", stepMessages(e, messages, statePrefix, stepPrefix));
		}
		return "redirect:" + back;
	}
}
