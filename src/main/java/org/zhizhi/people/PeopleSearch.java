package org.zhizhi.people;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.people.PeopleViews.ResidentSummary;
import org.zhizhi.people.persistence.Residents;
import org.zhizhi.people.persistence.Residents.SearchFilter;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.LikePattern;
import org.zhizhi.shared.Searchable;

/**
 * Residents for the header's search: a full mobile number or ID number is looked up by its keyed hash (the blind
 * index the register keeps for exact search — nothing is decrypted), anything else as the beginning of a name
 * (the name index). Only for the roles that read residents, within the reader's scope, and masked as the register's
 * lists show them to every reader; the full view stays the audited action of the resident's page.
 */
@Service
@Order(10)
@Transactional(readOnly = true)
class PeopleSearch implements Searchable {

	static final String KIND = "search.kind.resident";

	private static final Pattern ID_CARD = Pattern.compile("[1-9]\\d{16}[0-9X]");

	private static final Pattern DIGITS = Pattern.compile("[0-9+\\- ]+[xX]?");

	private final Residents residents;

	private final PersonalDataCipher cipher;

	PeopleSearch(Residents residents, PersonalDataCipher cipher) {
		this.residents = residents;
		this.cipher = cipher;
	}

	@Override
	public boolean searchesFor(Actor actor) {
		return PeopleRoles.mayRead(actor);
	}

	@Override
	public List<Found> find(Actor actor, Query query, int limit) {
		if (!searchesFor(actor)) {
			return List.of();
		}
		SearchFilter filter = filter(query);
		if (filter == null) {
			return List.of();
		}
		List<Found> found = new ArrayList<>();
		for (ResidentSummary r : residents.search(actor.scope(), filter, limit, 0)) {
			found.add(new Found(KIND, r.name(), detail(r), "/residents/" + r.id()));
		}
		return found;
	}

	/**
	 * A whole phone or ID number by its hash; a name by its beginning; a part of a number finds nothing — the
	 * register keeps numbers sealed and can only tell whether a whole one is there.
	 */
	private SearchFilter filter(Query query) {
		String compact = query.compact();
		String phone = PersonalData.normalizePhone(compact);
		if (PersonalData.isValidMobile(phone)) {
			return new SearchFilter(null, cipher.hash(phone), null, null, null, null, null, false);
		}
		String idCard = PersonalData.normalizeIdCard(compact);
		if (ID_CARD.matcher(idCard).matches()) {
			return new SearchFilter(null, null, cipher.hash(idCard), null, null, null, null, false);
		}
		if (DIGITS.matcher(query.text()).matches()) {
			return null;
		}
		return new SearchFilter(LikePattern.startsWith(compact), null, null, null, null, null, null, false);
	}

	private static String detail(ResidentSummary r) {
		StringBuilder detail = new StringBuilder(r.dwellingLabel() == null ? "" : r.dwellingLabel());
		if (r.phone() != null) {
			detail.append(detail.isEmpty() ? "" : " · ").append(r.phone());
		}
		return detail.toString();
	}
}
