package org.zhizhi.incident;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.incident.persistence.JdbcIncidentSearch;
import org.zhizhi.incident.persistence.JdbcIncidentSearch.Hit;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.LikePattern;
import org.zhizhi.shared.Searchable;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.OrgUnitQueries;

/**
 * Incidents for the header's search: by number — the id, whole or its first digits as the addresses show it — or by
 * words of the description or the category. For those who work the desk ({@link IncidentRoles#DESK}), who see every
 * incident of their scope there; a member, a liaison or a resident reaches his own orders and reports from his task
 * and report lists, which the search would only widen.
 */
@Service
@Order(20)
@Transactional(readOnly = true)
class IncidentSearch implements Searchable {

	static final String KIND = "search.kind.incident";

	/** At least this many digits of a number: fewer name a minute's reports, not one. */
	private static final Pattern NUMBER = Pattern.compile("[0-9a-f]{8,32}");

	private static final int MAX_WORDS = 5;

	private static final int TITLE_LENGTH = 40;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

	private final JdbcIncidentSearch search;

	private final OrgUnitQueries orgUnits;

	private final MessageSource messages;

	private final ZoneId zone;

	IncidentSearch(JdbcIncidentSearch search, OrgUnitQueries orgUnits, MessageSource messages, ZoneId zone) {
		this.search = search;
		this.orgUnits = orgUnits;
		this.messages = messages;
		this.zone = zone;
	}

	@Override
	public boolean searchesFor(Actor actor) {
		return IncidentRoles.worksAtDesk(actor);
	}

	@Override
	public List<Found> find(Actor actor, Query query, int limit) {
		if (!searchesFor(actor)) {
			return List.of();
		}
		String scope = actor.scope().likePattern();
		Map<UUID, Hit> hits = new LinkedHashMap<>();
		String digits = query.lower().replace("-", "");
		if (NUMBER.matcher(digits).matches()) {
			search.byNumber(scope, bound(digits, '0'), bound(digits, 'f'), limit).forEach(h -> hits.put(h.id(), h));
		}
		if (hits.size() < limit) {
			List<String> patterns = query.words().stream().limit(MAX_WORDS).map(LikePattern::contains).toList();
			search.byWords(scope, patterns, limit).forEach(h -> hits.putIfAbsent(h.id(), h));
		}
		Map<UUID, String> grids = new HashMap<>();
		List<Found> found = new ArrayList<>();
		for (Hit h : hits.values()) {
			if (found.size() == limit) {
				break;
			}
			String grid = grids.computeIfAbsent(h.gridId(), g -> orgUnits.find(actor.scope(), g)
				.map(OrgUnit::name)
				.orElse(""));
			String state = messages.getMessage("incidentState." + h.state(), null, h.state(),
					LocaleContextHolder.getLocale());
			String detail = String.join(" · ", List.of(state, grid, DAY.format(h.reportedAt().atZone(zone))))
				.replace(" ·  · ", " · ");
			found.add(new Found(KIND, title(h), detail, "/incidents/" + h.id()));
		}
		return found;
	}

	/** The lowest (padded with 0) or highest (with f) id that begins with the digits. */
	private static UUID bound(String digits, char pad) {
		String hex = (digits + String.valueOf(pad).repeat(32 - digits.length()));
		return UUID.fromString(hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
				+ hex.substring(16, 20) + "-" + hex.substring(20));
	}

	private static String title(Hit h) {
		String description = h.description() == null ? "" : h.description().strip();
		if (description.length() > TITLE_LENGTH) {
			description = description.substring(0, TITLE_LENGTH) + "…";
		}
		return description.isEmpty() ? h.categoryName() : h.categoryName() + "：" + description;
	}
}
