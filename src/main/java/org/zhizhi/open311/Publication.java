package org.zhizhi.open311;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.zhizhi.incident.IncidentCategory;
import org.zhizhi.incident.IncidentView;
import org.zhizhi.incident.Triage;

/**
 * What of an incident the public (Open311, without any login) may see. Open311 is read by anyone, so it must never be
 * the door through which a household's own affairs, or where a frail resident lives, become public.
 */
final class Publication {

	/**
	 * Decimal places kept of a rounded position: 0.001° is 111 m north–south and about 97 m east–west in Chongqing
	 * (29.5° N) — enough to find the street, not the door.
	 */
	static final int ROUNDED_DECIMALS = 3;

	private Publication() {
	}

	/**
	 * Whether the incident may be served at all: its category is public (a missing one — retired, unknown — is not),
	 * and it was not triaged as a private matter (私事: the residents' own business, answered with advice).
	 */
	static boolean shown(IncidentView incident, IncidentCategory category) {
		return category != null && category.published() && incident.triage() != Triage.PRIVATE;
	}

	/** A coordinate as the public sees it: exact only where the category says the spot itself must be found. */
	static double coordinate(double value, IncidentCategory category) {
		if (category != null && category.exactPosition()) {
			return value;
		}
		return BigDecimal.valueOf(value).setScale(ROUNDED_DECIMALS, RoundingMode.HALF_UP).doubleValue();
	}

	/**
	 * The description the public reads: the resident's own words, unless he asked for privacy (an anonymous report),
	 * when it is the public summary — the kind of problem, which the service name says, and nothing he wrote (his
	 * text often names him, his flat or his neighbour).
	 */
	static String description(IncidentView incident, IncidentCategory category, MessageSource messages) {
		if (!incident.anonymous()) {
			return incident.description();
		}
		return messages.getMessage("open311.withheldDescription",
				new Object[] { category == null ? incident.categoryCode() : category.name() }, Locale.SIMPLIFIED_CHINESE);
	}
}
