package org.zhizhi.deliberation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.zhizhi.people.Home;
import org.zhizhi.people.HouseholdUnit;
import org.zhizhi.people.PeopleQueries;
import org.zhizhi.people.Tenure;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.territory.Building;
import org.zhizhi.territory.BuildingOverview;
import org.zhizhi.territory.DwellingRef;
import org.zhizhi.territory.OrgLevel;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.OrgUnitQueries;
import org.zhizhi.territory.PlaceQueries;

/**
 * Where a topic is and who it concerns: a resident's home (his household, building, estate and community), the place
 * a topic is raised for, and the households living there — with whether they own their dwelling and its floor area,
 * from the dwellings register — when its vote opens.
 */
@Component
class TopicPlaces {

	/** A resident's home as deliberation sees it. */
	record Residence(Home home, UUID estateId, UUID communityId) {
	}

	private final PeopleQueries people;

	private final PlaceQueries places;

	private final OrgUnitQueries orgUnits;

	TopicPlaces(PeopleQueries people, PlaceQueries places, OrgUnitQueries orgUnits) {
		this.people = people;
		this.places = places;
		this.orgUnits = orgUnits;
	}

	/** The home of a signed-in resident, if his account belongs to a resident of the register. */
	Optional<Residence> residenceOf(Actor actor) {
		return people.homeOf(actor.userId())
			.flatMap(home -> places.dwelling(actor.scope(), home.dwellingId())
				.map(dwelling -> new Residence(home, dwelling.estateId(), dwelling.communityId())));
	}

	/** Whether the topic concerns the household of this home. */
	static boolean concerns(Topic topic, Residence residence) {
		return residence != null && switch (topic.place().kind()) {
			case BUILDING -> residence.home().buildingId().equals(topic.place().buildingId());
			case ESTATE -> residence.estateId().equals(topic.place().estateId());
			case COMMUNITY -> residence.communityId().equals(topic.place().communityId());
		};
	}

	/** The place a resident raises a topic for: his own building, estate or community. */
	Topic.Place ofResidence(Actor actor, Residence residence, PlaceKind kind) {
		DwellingRef dwelling = places.dwelling(actor.scope(), residence.home().dwellingId())
			.orElseThrow(() -> DomainException.notFound("dwelling"));
		return switch (kind) {
			case BUILDING -> building(actor.scope(), dwelling.buildingId()).orElseThrow();
			case ESTATE -> estate(actor.scope(), dwelling.estateId()).orElseThrow();
			case COMMUNITY -> community(residence.communityId()).orElseThrow();
		};
	}

	/** The place staff name, inside their scope; a place outside it is a field problem like one that does not exist. */
	Topic.Place named(Actor actor, PlaceKind kind, UUID placeId) {
		Optional<Topic.Place> place = placeId == null ? Optional.empty() : switch (kind) {
			case BUILDING -> building(actor.scope(), placeId);
			case ESTATE -> estate(actor.scope(), placeId);
			case COMMUNITY -> orgUnits.find(actor.scope(), placeId)
				.filter(node -> node.level() == OrgLevel.COMMUNITY)
				.flatMap(node -> community(node.id()));
		};
		return place.orElseThrow(() -> DomainException
			.invalid(List.of(new FieldProblem("placeId", "deliberation.placeNotFound"))));
	}

	private Optional<Topic.Place> building(DataScope scope, UUID buildingId) {
		return places.building(scope, buildingId).flatMap(building -> places.estate(scope, building.estateId())
			.map(estate -> new Topic.Place(PlaceKind.BUILDING, building.id(), estate.name() + " " + building.name(),
					building.id(), estate.id(), estate.communityId(), DataScope.districtOf(building.scopePath()),
					building.scopePath())));
	}

	private Optional<Topic.Place> estate(DataScope scope, UUID estateId) {
		return places.estate(scope, estateId)
			.map(estate -> new Topic.Place(PlaceKind.ESTATE, estate.id(), estate.name(), null, estate.id(),
					estate.communityId(), DataScope.districtOf(estate.scopePath()), estate.scopePath()));
	}

	private Optional<Topic.Place> community(UUID communityId) {
		return orgUnits.bindingOf(communityId)
			.filter(node -> node.level() == OrgLevel.COMMUNITY)
			.map((OrgUnit node) -> new Topic.Place(PlaceKind.COMMUNITY, node.id(), node.name(), null, null, node.id(),
					node.districtId(), node.path()));
	}

	/** The households living in the topic's place now, each with its tenure and its dwelling's floor area. */
	List<Elector> householdsConcerned(Topic topic) {
		return householdsIn(topic.place());
	}

	/** The households living in a place now (a topic's, a meeting's). */
	List<Elector> householdsIn(Topic.Place place) {
		DataScope scope = communityScope(place);
		List<UUID> buildings = switch (place.kind()) {
			case BUILDING -> List.of(place.buildingId());
			case ESTATE -> buildingsOf(scope, place.estateId());
			case COMMUNITY -> places.estates(scope, null, place.communityId())
				.stream()
				.flatMap(estate -> buildingsOf(scope, estate.id()).stream())
				.toList();
		};
		Map<UUID, BigDecimal> areas = new HashMap<>();
		for (UUID building : buildings) {
			places.dwellingsInBuilding(scope, building)
				.forEach(d -> areas.put(d.id(), d.areaM2() == null ? BigDecimal.ZERO : d.areaM2()));
		}
		List<Elector> electors = new ArrayList<>();
		for (HouseholdUnit household : people.householdsLivingIn(scope, buildings)) {
			electors.add(new Elector(household.householdId(), household.dwellingLabel(),
					household.tenure() == Tenure.OWNER, areas.getOrDefault(household.dwellingId(), BigDecimal.ZERO)));
		}
		return electors;
	}

	static Electorate electorateOf(List<Elector> electors) {
		long owners = electors.stream().filter(Elector::owner).count();
		BigDecimal area = electors.stream()
			.filter(Elector::owner)
			.map(Elector::areaM2)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		return new Electorate(electors.size(), owners, area);
	}

	private List<UUID> buildingsOf(DataScope scope, UUID estateId) {
		return places.buildingsOfEstate(scope, estateId).stream().map(BuildingOverview::building).map(Building::id)
			.toList();
	}

	/** The topic's community as a scope: every household of its place lies inside it. */
	/** The accounts residents of these households sign in with: whom deliberation tells. */
	List<UUID> accountsOf(List<Elector> households) {
		return people.accountsOf(households.stream().map(Elector::householdId).toList());
	}

	private DataScope communityScope(Topic.Place place) {
		OrgUnit community = orgUnits.bindingOf(place.communityId())
			.orElseThrow(() -> new DomainException(Category.CONFLICT, "NO_ELECTORATE", "deliberation.noElectorate"));
		return new DataScope(community.id(), community.path());
	}
}
