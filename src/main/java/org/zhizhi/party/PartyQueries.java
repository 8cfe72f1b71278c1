package org.zhizhi.party;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.party.persistence.JdbcParty;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.territory.BuildingOverview;
import org.zhizhi.territory.Estate;
import org.zhizhi.territory.PlaceQueries;
import org.zhizhi.territory.PlaceSummaries;
import org.zhizhi.territory.ScopeCount;

/** Reads of the party registry, always within the caller's scope: outside it an organisation does not exist. */
@Service
@Transactional(readOnly = true)
public class PartyQueries {

	/** Lists are capped like the territory's. */
	public static final int LIST_LIMIT = 2000;

	private final JdbcParty party;

	private final PlaceQueries places;

	private final PlaceSummaries summaries;

	PartyQueries(JdbcParty party, PlaceQueries places, PlaceSummaries summaries) {
		this.party = party;
		this.places = places;
		this.summaries = summaries;
	}

	public List<PartyOrg> orgs(Actor actor) {
		PartyRules.checkReader(actor);
		return party.orgs(actor.scope(), LIST_LIMIT);
	}

	/** The organisations serving one place (community, grid, micro-grid, estate or building) inside the scope. */
	public List<PartyOrg> orgsAt(Actor actor, UUID placeId) {
		PartyRules.checkReader(actor);
		return party.orgsServing(actor.scope(), List.of(placeId), null);
	}

	public Optional<PartyOrg> org(Actor actor, UUID id) {
		PartyRules.checkReader(actor);
		return party.org(actor.scope(), id);
	}

	/** Members inside the caller's scope, of one organisation (if given) and one kind (if given). */
	public List<PartyMember> members(Actor actor, UUID orgId, MemberKind kind) {
		PartyRules.checkReader(actor);
		return party.members(actor.scope(), orgId, kind, LIST_LIMIT);
	}

	/** The active full members of the organisation and the organisations below it (a branch's groups). */
	public List<PartyMember> activeMembersWithin(Actor actor, UUID orgId) {
		PartyRules.checkReader(actor);
		return party.activeMembersWithin(actor.scope(), orgId, LIST_LIMIT);
	}

	public Optional<PartyMember> member(Actor actor, UUID id) {
		PartyRules.checkReader(actor);
		return party.member(actor.scope(), id);
	}

	/** The member's status history, oldest first. */
	public List<StatusChange> statusHistory(Actor actor, UUID memberId) {
		PartyMember member = member(actor, memberId).orElseThrow(() -> DomainException.notFound("party-member"));
		return party.statusHistory(member.id())
			.stream()
			.map(row -> new StatusChange(MemberStatus.valueOf(row[0]), java.time.LocalDate.parse(row[1]), row[2]))
			.toList();
	}

	public record StatusChange(MemberStatus status, java.time.LocalDate on, String note) {
	}

	/**
	 * The dual registration of the member who signs in with this account, if he is an active in-service member
	 * registered with a community. For the platform's own decisions about that account — which community's wishes
	 * he may take — not for showing the roster, so it is not limited by a caller's scope.
	 */
	public Optional<DualRegistration> dualRegistrationOf(UUID accountId) {
		return party.dualRegistrations(null, accountId).stream().findFirst();
	}

	/** The active in-service members registered with a community who have an account, by name; for the same use. */
	public List<DualRegistration> dualRegistrationsIn(UUID communityId) {
		return communityId == null ? List.of() : party.dualRegistrations(communityId, null);
	}

	public List<HubHousehold> hubs(Actor actor) {
		PartyRules.checkReader(actor);
		return party.hubs(actor.scope(), LIST_LIMIT);
	}

	/** The five-level chain of an estate visible to the caller; empty if it is not. */
	public Optional<EstateChain> chain(Actor actor, UUID estateId) {
		PartyRules.checkReader(actor);
		return places.estate(actor.scope(), estateId).map(estate -> {
			List<BuildingOverview> overviews = places.buildingsOfEstate(actor.scope(), estate.id());
			List<PartyChain.ChainBuilding> buildings = overviews.stream()
				.map(o -> new PartyChain.ChainBuilding(o.building().id(), o.building().name(), o.building().gridId(),
						o.building().microGridId(), o.gridName(), o.dwellings()))
				.toList();
			Set<UUID> placeIds = new HashSet<>();
			placeIds.add(estate.communityId());
			placeIds.add(estate.id());
			for (PartyChain.ChainBuilding b : buildings) {
				placeIds.add(b.id());
				placeIds.add(b.gridId());
				if (b.microGridId() != null) {
					placeIds.add(b.microGridId());
				}
			}
			placeIds.remove(null);
			List<PartyOrg> orgs = party.orgsServing(actor.scope(), new ArrayList<>(placeIds), estate.id());
			List<HubHousehold> hubs = party.hubsInEstate(actor.scope(), estate.id());
			Long residents = summaries.ofEstate(actor.scope(), estate.id())
				.map(s -> s.get(ScopeCount.RESIDENTS))
				.orElse(null);
			return new EstateChain(estate, PartyChain.of(estate.id(), estate.communityId(), buildings, orgs, hubs,
					residents));
		});
	}

	/** An estate with its chain. */
	public record EstateChain(Estate estate, PartyChain chain) {
	}
}
