package org.zhizhi.partnership.meeting;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.territory.OrgLevel;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.OrgUnitFilter;
import org.zhizhi.territory.OrgUnitQueries;

/** The community a meeting or activity belongs to: the one named, inside the actor's scope, or the actor's own. */
@Component
class CommunityResolver {

	private final OrgUnitQueries orgUnits;

	CommunityResolver(OrgUnitQueries orgUnits) {
		this.orgUnits = orgUnits;
	}

	OrgUnit resolve(Actor actor, UUID communityId) {
		UUID id = communityId != null ? communityId : actor.scope().orgUnitId();
		OrgUnit unit = orgUnits.find(actor.scope(), id).orElse(null);
		if (unit == null && communityId != null) {
			throw DomainException.notFound("community");
		}
		if (unit == null || unit.level() != OrgLevel.COMMUNITY) {
			throw DomainException.invalid(List.of(new FieldProblem("communityId",
					communityId == null ? "validation.required" : "meeting.notACommunity")));
		}
		return unit;
	}

	/** The communities of the actor's scope, by name (his own only, for community staff). */
	List<OrgUnit> communities(Actor actor) {
		return orgUnits.list(actor.scope(), new OrgUnitFilter(null, null, OrgLevel.COMMUNITY));
	}

	String name(Actor actor, UUID communityId) {
		return orgUnits.find(actor.scope(), communityId).map(OrgUnit::name).orElse("");
	}
}
