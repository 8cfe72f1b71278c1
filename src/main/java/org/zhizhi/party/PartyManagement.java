package org.zhizhi.party;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.identity.AccountQueries;
import org.zhizhi.shared.DataScope;
import org.zhizhi.party.persistence.JdbcParty;
import org.zhizhi.people.PeopleQueries;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.Ids;
import org.zhizhi.shared.Role;
import org.zhizhi.territory.Building;
import org.zhizhi.territory.Estate;
import org.zhizhi.territory.OrgLevel;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.OrgUnitQueries;
import org.zhizhi.territory.PlaceQueries;

/**
 * Commands of the party registry: found an organisation at a place, register a member, change his status (kept in an
 * insert-only history), make his household a hub household. All for community staff and above, inside their scope.
 */
@Service
@Transactional
public class PartyManagement {

	private final JdbcParty party;

	private final OrgUnitQueries orgUnits;

	private final PlaceQueries places;

	private final Clock clock;

	private final ZoneId zone;

	private final PeopleQueries people;

	private final AccountQueries accounts;

	PartyManagement(JdbcParty party, OrgUnitQueries orgUnits, PlaceQueries places, PeopleQueries people,
			AccountQueries accounts, Clock clock, ZoneId zone) {
		this.people = people;
		this.accounts = accounts;
		this.party = party;
		this.orgUnits = orgUnits;
		this.places = places;
		this.clock = clock;
		this.zone = zone;
	}

	/** A linked resident must exist inside the writer's own scope: links never reach past it. */
	private boolean residentInScope(Actor actor, UUID residentId) {
		try {
			people.resident(actor, residentId);
			return true;
		}
		catch (DomainException notFound) {
			return false;
		}
	}

	/** The place an organisation serves, with the path it is scoped by. */
	record ServedPlace(PlaceKind kind, UUID id, String name, UUID estateId, UUID buildingId, String scopePath) {
	}

	public PartyOrg addOrg(Actor actor, NewPartyOrg command) {
		PartyRules.checkWriter(actor);
		PartyRules.check(command);
		if (command.parentId() != null && party.org(actor.scope(), command.parentId()).isEmpty()) {
			throw DomainException.invalid(List.of(new FieldProblem("parentId", "party.parent.unknown")));
		}
		ServedPlace place = servedPlace(actor, command.placeId());
		String name = command.name().strip();
		if (party.orgNameTaken(command.parentId(), place.id(), name)) {
			throw new DomainException(Category.CONFLICT, "PARTY_ORG_NAME_TAKEN", "party.org.nameTaken", name);
		}
		PartyOrg org = new PartyOrg(Ids.newId(clock), command.parentId(), name, command.level(),
				Boolean.TRUE.equals(command.functional()), Boolean.TRUE.equals(command.temporary()), place.kind(),
				place.id(), place.name(), place.estateId(), place.buildingId(), place.scopePath(), 0, 0);
		party.insertOrg(org, DataScope.districtOf(place.scopePath()), clock.instant(), actor.userId());
		return org;
	}

	public PartyMember addMember(Actor actor, NewPartyMember command) {
		PartyRules.checkWriter(actor);
		PartyRules.check(command, today());
		PartyOrg org = party.org(actor.scope(), command.orgId())
			.orElseThrow(() -> DomainException.invalid(List.of(new FieldProblem("orgId", "party.org.unknown"))));
		if (command.dualCommunityId() != null && orgUnits.find(actor.scope(), command.dualCommunityId())
			.filter(node -> node.level() == OrgLevel.COMMUNITY)
			.isEmpty()) {
			throw DomainException.invalid(List.of(new FieldProblem("dualCommunityId", "party.community.unknown")));
		}
		if (command.dualEstateId() != null) {
			Estate estate = places.estate(actor.scope(), command.dualEstateId())
				.orElseThrow(() -> DomainException
					.invalid(List.of(new FieldProblem("dualEstateId", "party.estate.unknown"))));
			if (command.dualCommunityId() != null && !estate.communityId().equals(command.dualCommunityId())) {
				throw DomainException
					.invalid(List.of(new FieldProblem("dualEstateId", "party.estate.otherCommunity")));
			}
		}
		if (command.residentId() != null && !residentInScope(actor, command.residentId())) {
			throw DomainException.invalid(List.of(new FieldProblem("residentId", "party.resident.unknown")));
		}
		String employer = command.employer() == null || command.employer().isBlank() ? null
				: command.employer().strip();
		PartyMember member = new PartyMember(Ids.newId(clock), org.id(), org.name(), command.name().strip(),
				command.gender(), command.joinedOn(), MemberStatus.ACTIVE, command.kind(), employer,
				command.dualCommunityId(), command.dualEstateId(), command.residentId(), null);
		UUID districtId = DataScope.districtOf(org.scopePath());
		party.insertMember(member, MemberStatus.ACTIVE, org.scopePath(), districtId, clock.instant(), actor.userId());
		party.insertStatusChange(member.id(), MemberStatus.ACTIVE,
				command.joinedOn() == null ? today() : command.joinedOn(), null, districtId,
				clock.instant(), actor.userId());
		return member;
	}

	/** Moves the member to a new status; a concurrent change of the same member loses with a conflict. */
	public PartyMember changeStatus(Actor actor, UUID memberId, ChangeMemberStatus command) {
		PartyRules.checkWriter(actor);
		if (command.status() == null) {
			throw DomainException.invalid(List.of(new FieldProblem("status", "validation.required")));
		}
		PartyRules.checkStatusDay(command.on(), today());
		PartyMember member = party.member(actor.scope(), memberId)
			.orElseThrow(() -> DomainException.notFound("party-member"));
		if (member.status() == command.status()) {
			throw new DomainException(Category.CONFLICT, "PARTY_MEMBER_STATUS_UNCHANGED", "party.status.unchanged");
		}
		if (party.changeStatus(member.id(), member.status(), command.status()) != 1) {
			throw new DomainException(Category.CONFLICT, "PARTY_MEMBER_CHANGED", "party.status.changed");
		}
		String[] placement = party.placementOfMember(member.id()).orElseThrow();
		party.insertStatusChange(member.id(), command.status(),
				command.on() == null ? today() : command.on(),
				command.note() == null || command.note().isBlank() ? null : command.note().strip(),
				UUID.fromString(placement[1]), clock.instant(), actor.userId());
		return party.member(actor.scope(), memberId).orElseThrow();
	}

	/**
	 * Links a member to the account he signs in with — a party member's account inside the writer's own scope — or
	 * unlinks him ({@code accountId} null). Through the link an in-service member reaches the community of his dual
	 * registration. An account serves one member record: linking one that another member holds is a conflict.
	 */
	public PartyMember linkAccount(Actor actor, UUID memberId, UUID accountId) {
		PartyRules.checkWriter(actor);
		PartyMember member = party.member(actor.scope(), memberId)
			.orElseThrow(() -> DomainException.notFound("party-member"));
		if (accountId != null && accounts.find(actor.scope(), accountId)
			.filter(account -> account.enabled() && account.roles().contains(Role.PARTY_MEMBER))
			.isEmpty()) {
			throw DomainException.invalid(List.of(new FieldProblem("accountId", "party.account.unknown")));
		}
		if (!party.linkAccount(member.id(), accountId)) {
			throw new DomainException(Category.CONFLICT, "PARTY_ACCOUNT_LINKED", "party.account.linked");
		}
		return party.member(actor.scope(), memberId).orElseThrow();
	}

	public HubHousehold addHub(Actor actor, NewHubHousehold command) {
		PartyRules.checkWriter(actor);
		PartyRules.check(command);
		PartyMember member = party.member(actor.scope(), command.memberId())
			.orElseThrow(() -> DomainException.invalid(List.of(new FieldProblem("memberId", "party.member.unknown"))));
		if (member.status() != MemberStatus.ACTIVE || !member.kind().isMember()) {
			throw DomainException.invalid(List.of(new FieldProblem("memberId", "party.member.notActive")));
		}
		if (party.isHub(member.id())) {
			throw new DomainException(Category.CONFLICT, "HUB_HOUSEHOLD_EXISTS", "party.hub.exists", member.name());
		}
		Map<UUID, UUID> buildings = new LinkedHashMap<>();
		String scopePath = null;
		for (UUID buildingId : command.buildingIds()) {
			Building building = places.building(actor.scope(), buildingId)
				.orElseThrow(() -> DomainException
					.invalid(List.of(new FieldProblem("buildingIds", "party.building.unknown"))));
			buildings.put(building.id(), building.estateId());
			if (scopePath == null) {
				scopePath = building.scopePath();
			}
		}
		if (command.householdId() != null && people.household(actor, command.householdId()).isEmpty()) {
			throw DomainException.invalid(List.of(new FieldProblem("householdId", "party.household.unknown")));
		}
		UUID id = Ids.newId(clock);
		party.insertHub(id, member.id(), command.householdId(), buildings, scopePath, DataScope.districtOf(scopePath),
				clock.instant(), actor.userId());
		return new HubHousehold(id, member.id(), member.name(), command.householdId(), List.copyOf(buildings.keySet()));
	}

	private ServedPlace servedPlace(Actor actor, UUID placeId) {
		Optional<OrgUnit> node = orgUnits.find(actor.scope(), placeId);
		if (node.isPresent()) {
			OrgUnit unit = node.get();
			PlaceKind kind = switch (unit.level()) {
				case STREET -> PlaceKind.STREET;
				case COMMUNITY -> PlaceKind.COMMUNITY;
				case GRID -> PlaceKind.GRID;
				case MICRO_GRID -> PlaceKind.MICRO_GRID;
				default -> throw DomainException.invalid(List.of(new FieldProblem("placeId", "party.place.level")));
			};
			return new ServedPlace(kind, unit.id(), unit.name(), null, null, unit.path());
		}
		Optional<Estate> estate = places.estate(actor.scope(), placeId);
		if (estate.isPresent() && actor.scope().covers(estate.get().scopePath())) {
			Estate e = estate.get();
			return new ServedPlace(PlaceKind.ESTATE, e.id(), e.name(), e.id(), null, e.scopePath());
		}
		Optional<Building> building = places.building(actor.scope(), placeId);
		if (building.isPresent()) {
			Building b = building.get();
			String estateName = places.estate(actor.scope(), b.estateId()).map(Estate::name).orElse("");
			return new ServedPlace(PlaceKind.BUILDING, b.id(), (estateName + " " + b.name()).strip(), b.estateId(),
					b.id(), b.scopePath());
		}
		throw DomainException.invalid(List.of(new FieldProblem("placeId", "party.place.unknown")));
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(zone));
	}

}
