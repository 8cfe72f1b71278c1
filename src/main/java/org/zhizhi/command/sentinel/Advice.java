package org.zhizhi.command.sentinel;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;

/**
 * 参谋's proposal for one alert: the units that closed the most incidents like it on time nearby, and the people on
 * duty nearest to it — each with its reason as a message key and the counts behind it, so that a person sees why.
 *
 * @param categoryCode the incidents' category the units were counted on (null: every category)
 * @param categoryName its name as the incident module calls it
 */
public record Advice(String categoryCode, String categoryName, int days, List<Proposal> units,
		List<Proposal> people) {

	/** Someone proposed, and why: {@code reasonKey} with {@code reasonArgs} (counts, names, a position's key). */
	public record Proposal(UUID id, String name, String reasonKey, List<Object> reasonArgs) {

		public Proposal {
			reasonArgs = List.copyOf(reasonArgs);
		}

		/** The reason in the reader's words: a position's key among the arguments is said as its name. */
		public String reason(MessageSource messages, Locale locale) {
			Object[] args = reasonArgs.stream()
				.map(arg -> arg instanceof String s && s.startsWith("position.") ? messages.getMessage(s, null, s,
						locale) : arg)
				.toArray();
			return messages.getMessage(reasonKey, args, locale);
		}
	}
}
