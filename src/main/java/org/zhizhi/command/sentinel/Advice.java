package org.zhizhi.command.sentinel;

import java.util.List;
import java.util.UUID;

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
	}
}
