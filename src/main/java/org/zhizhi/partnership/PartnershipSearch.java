package org.zhizhi.partnership;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.partnership.PartnershipManagement.Access;
import org.zhizhi.partnership.persistence.JdbcPartnershipSearch;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.LikePattern;
import org.zhizhi.shared.Searchable;

/**
 * Partner units (共建单位) by name and the three lists' items (needs, resources, projects) by title, for the header's
 * search — as the partnership desk shows them ({@link PartnershipManagement#access}): the staff within their scope,
 * a liaison his own unit and his unit's community's lists.
 */
@Service
@Order(40)
@Transactional(readOnly = true)
class PartnershipSearch implements Searchable {

	static final String UNIT = "search.kind.unit";

	private final PartnershipManagement management;

	private final JdbcPartnershipSearch search;

	private final MessageSource messages;

	PartnershipSearch(PartnershipManagement management, JdbcPartnershipSearch search, MessageSource messages) {
		this.management = management;
		this.search = search;
		this.messages = messages;
	}

	@Override
	public boolean searchesFor(Actor actor) {
		// the roles alone, as the navigation asks: a liaison not yet given a unit finds nothing here
		return PartnershipManagement.mayOpenDesk(actor);
	}

	@Override
	public List<Found> find(Actor actor, Query query, int limit) {
		if (!management.mayUse(actor)) {
			return List.of();
		}
		Access access = management.access(actor);
		String scope = access.scope().likePattern();
		String pattern = LikePattern.contains(query.text());
		Locale locale = LocaleContextHolder.getLocale();
		List<Found> found = new ArrayList<>();
		for (var unit : search.units(scope, access.liaison() ? access.partnerId() : null, pattern, query.text(),
				limit)) {
			String type = messages.getMessage("partnership.type." + unit.kind(), null, unit.kind(), locale);
			found.add(new Found(UNIT, unit.name(), unit.community() + " · " + type,
					"/partnership/partners/" + unit.id()));
		}
		for (var item : search.items(scope, pattern, limit * ItemKind.values().length)) {
			found.add(new Found("search.kind." + item.kind().toLowerCase(Locale.ROOT), item.name(), item.community(),
					"/partnership/items/" + item.id()));
		}
		return found;
	}
}
