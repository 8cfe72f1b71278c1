package org.zhizhi.partnership.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.FormErrors;

/** A refusal as the desk shows it: lines "field: message" in the user's language, states named, not coded. */
final class DeskRefusals {

	/**
	 * The refusals of the partnership tables name a state; the prefix of the words for it, by the refusal's message
	 * (the API says the state's name, a page says it in Chinese).
	 */
	private static final Map<String, String> STATE_WORDS = Map.of("partnership.claimState",
			"partnership.claimStatus.", "partnership.agreementNotDraft", "partnership.agreementStatus.",
			"partnership.notWithdrawable", "partnership.status.", "partnership.notOpen", "partnership.status.");

	private DeskRefusals() {
	}

	static List<String> lines(DomainException e, MessageSource messages) {
		Locale locale = LocaleContextHolder.getLocale();
		List<String> lines = new ArrayList<>();
		String states = STATE_WORDS.get(e.messageKey());
		if (e.category() == Category.CONFLICT && states != null && e.args().length > 0) {
			lines.add(messages.getMessage(e.messageKey(),
					new Object[] { messages.getMessage(states + e.args()[0], null, locale) }, locale));
		}
		else {
			FormErrors errors = FormErrors.of(e, messages);
			errors.byField()
				.forEach((field, texts) -> texts.forEach(t -> lines.add(FormErrors.FORM.equals(field) ? t
						: messages.getMessage("partnership.field." + field, null, field, locale) + "：" + t)));
		}
		return lines;
	}
}
