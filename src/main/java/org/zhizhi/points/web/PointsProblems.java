package org.zhizhi.points.web;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.FormErrors;

/**
 * A refusal as the pages say it: field problems in the form's words, and a step the state does not allow with the
 * state and the step named as people say them (points.state.*, points.step.*), not as the code does.
 */
@Component
class PointsProblems {

	private final MessageSource messages;

	PointsProblems(MessageSource messages) {
		this.messages = messages;
	}

	List<String> of(DomainException e) {
		Locale locale = LocaleContextHolder.getLocale();
		if ("ILLEGAL_TRANSITION".equals(e.code()) && e.args().length == 2) {
			String state = messages.getMessage("points.state." + e.args()[0], null, String.valueOf(e.args()[0]),
					locale);
			String step = messages.getMessage("points.step." + e.args()[1], null, String.valueOf(e.args()[1]), locale);
			return List.of(messages.getMessage(e.messageKey(), new Object[] { state, step }, locale));
		}
		return FormErrors.of(e, messages).byField().values().stream().flatMap(List::stream).toList();
	}
}
