package org.zhizhi.wish;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.zhizhi.party.PartyQueries;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.Role;
import org.zhizhi.territory.OrgLevel;
import org.zhizhi.territory.OrgUnitQueries;

/**
 * Where a taker's hands reach: the scope his account is bound to and — for a party member who is an active in-service
 * member with a dual registration (双报到) in the party register — the community he registered with, wherever his
 * account sits. 党员接单 through the dual registration: he browses and takes that community's wishes too.
 */
@Component
class WishReach {

	private final PartyQueries party;

	private final OrgUnitQueries orgUnits;

	WishReach(PartyQueries party, OrgUnitQueries orgUnits) {
		this.party = party;
		this.orgUnits = orgUnits;
	}

	/** The scopes whose wall this person sees and whose wishes he may take: his own first. */
	List<DataScope> takerScopes(Actor actor) {
		List<DataScope> scopes = new ArrayList<>();
		scopes.add(actor.scope());
		if (actor.has(Role.PARTY_MEMBER)) {
			// the registered community is looked up without a scope, as an account's binding is at sign-in: it only
			// becomes the member's scope for wishes, it is not shown
			party.dualRegistrationOf(actor.userId())
				.flatMap(registration -> orgUnits.bindingOf(registration.communityId()))
				.filter(community -> community.level() == OrgLevel.COMMUNITY)
				.map(community -> new DataScope(community.id(), community.path()))
				.filter(community -> !actor.scope().covers(community))
				.ifPresent(scopes::add);
		}
		return List.copyOf(scopes);
	}
}
