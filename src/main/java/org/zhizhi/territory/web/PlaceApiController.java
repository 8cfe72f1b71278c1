package org.zhizhi.territory.web;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.territory.Building;
import org.zhizhi.territory.BuildingOverview;
import org.zhizhi.territory.Dwelling;
import org.zhizhi.territory.DwellingRef;
import org.zhizhi.territory.Entrance;
import org.zhizhi.territory.Estate;
import org.zhizhi.territory.EstateKind;
import org.zhizhi.territory.GovernanceMode;
import org.zhizhi.territory.NewBuilding;
import org.zhizhi.territory.NewDwelling;
import org.zhizhi.territory.NewEntrance;
import org.zhizhi.territory.NewEstate;
import org.zhizhi.territory.PlaceManagement;
import org.zhizhi.territory.PlaceQueries;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Estates, buildings, entrances and dwellings as JSON. Reads are limited to the caller's scope; writes are for
 * community staff and above, inside their scope. A building's grid and micro-grid follow from its position.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "places", description = "Estates, buildings, entrances and dwellings")
class PlaceApiController {

	private final PlaceQueries queries;

	private final PlaceManagement management;

	PlaceApiController(PlaceQueries queries, PlaceManagement management) {
		this.queries = queries;
		this.management = management;
	}

	record EstateSummary(UUID id, String name, EstateKind kind, GovernanceMode governanceMode, UUID communityId) {

		static EstateSummary of(Estate estate) {
			return new EstateSummary(estate.id(), estate.name(), estate.kind(), estate.governanceMode(),
					estate.communityId());
		}
	}

	record EstateDetail(UUID id, String name, EstateKind kind, GovernanceMode governanceMode, UUID communityId,
			String address) {

		static EstateDetail of(Estate estate) {
			return new EstateDetail(estate.id(), estate.name(), estate.kind(), estate.governanceMode(),
					estate.communityId(), estate.address());
		}
	}

	record BuildingView(UUID id, UUID estateId, String name, Integer floors, Double lat, Double lng, UUID gridId,
			UUID microGridId) {

		static BuildingView of(Building building) {
			return new BuildingView(building.id(), building.estateId(), building.name(), building.floors(),
					building.lat(), building.lng(), building.gridId(), building.microGridId());
		}
	}

	record BuildingListItem(UUID id, String name, Integer floors, Double lat, Double lng, UUID gridId,
			String gridName, UUID microGridId, String microGridName, long entrances, long dwellings) {

		static BuildingListItem of(BuildingOverview row) {
			Building b = row.building();
			return new BuildingListItem(b.id(), b.name(), b.floors(), b.lat(), b.lng(), b.gridId(), row.gridName(),
					b.microGridId(), row.microGridName(), row.entrances(), row.dwellings());
		}
	}

	record EntranceView(UUID id, UUID buildingId, String name) {

		static EntranceView of(Entrance entrance) {
			return new EntranceView(entrance.id(), entrance.buildingId(), entrance.name());
		}
	}

	record DwellingView(UUID id, UUID buildingId, UUID entranceId, String label, Integer floor, BigDecimal areaM2,
			UUID gridId, UUID microGridId) {

		static DwellingView of(Dwelling dwelling) {
			return new DwellingView(dwelling.id(), dwelling.buildingId(), dwelling.entranceId(), dwelling.label(),
					dwelling.floor(), dwelling.areaM2(), dwelling.gridId(), dwelling.microGridId());
		}
	}

	record NewEstateBody(UUID communityId, String name, EstateKind kind, GovernanceMode governanceMode,
			String address) {
	}

	record NewBuildingBody(String name, Integer floors, Double lat, Double lng) {
	}

	record NewEntranceBody(String name) {
	}

	record NewDwellingBody(String label, UUID entranceId, Integer floor, BigDecimal areaM2, UUID microGridId) {
	}

	@GetMapping("/estates")
	@Operation(summary = "Estates by part of their name (and community), within the caller's data scope")
	List<EstateSummary> estates(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String name,
			@RequestParam(required = false) UUID communityId) {
		return queries.estates(actor.scope(), name, communityId).stream().map(EstateSummary::of).toList();
	}

	@GetMapping("/estates/{id}")
	@Operation(summary = "One estate")
	EstateDetail estate(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return queries.estate(actor.scope(), id).map(EstateDetail::of).orElseThrow(() -> DomainException.notFound("estate"));
	}

	@PostMapping("/estates")
	@Operation(summary = "Register an estate in a community (community staff and above)")
	ResponseEntity<EstateDetail> addEstate(@AuthenticationPrincipal Actor actor, @RequestBody NewEstateBody body) {
		Estate estate = management.addEstate(actor,
				new NewEstate(body.communityId(), body.name(), body.kind(), body.governanceMode(), body.address()));
		return ResponseEntity.created(URI.create("/api/v1/estates/" + estate.id())).body(EstateDetail.of(estate));
	}

	@GetMapping("/estates/{id}/buildings")
	@Operation(summary = "The estate's buildings within the caller's scope, with entrance and dwelling counts")
	List<BuildingListItem> buildings(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		Estate estate = queries.estate(actor.scope(), id).orElseThrow(() -> DomainException.notFound("estate"));
		return queries.buildingsOfEstate(actor.scope(), estate.id()).stream().map(BuildingListItem::of).toList();
	}

	@PostMapping("/estates/{id}/buildings")
	@Operation(summary = "Add a building at a position; its grid and micro-grid follow from the position")
	ResponseEntity<BuildingView> addBuilding(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody NewBuildingBody body) {
		Building building = management.addBuilding(actor,
				new NewBuilding(id, body.name(), body.floors(), body.lat(), body.lng()));
		return ResponseEntity.created(URI.create("/api/v1/buildings/" + building.id()))
			.body(BuildingView.of(building));
	}

	@GetMapping("/buildings/{id}")
	@Operation(summary = "One building")
	BuildingView building(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return queries.building(actor.scope(), id)
			.map(BuildingView::of)
			.orElseThrow(() -> DomainException.notFound("building"));
	}

	@GetMapping("/buildings/{id}/entrances")
	@Operation(summary = "The building's entrances")
	List<EntranceView> entrances(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		Building building = queries.building(actor.scope(), id)
			.orElseThrow(() -> DomainException.notFound("building"));
		return queries.entrancesOfBuilding(actor.scope(), building.id())
			.stream()
			.map(e -> EntranceView.of(e.entrance()))
			.toList();
	}

	@PostMapping("/buildings/{id}/entrances")
	@Operation(summary = "Add an entrance (单元) to a building")
	ResponseEntity<EntranceView> addEntrance(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody NewEntranceBody body) {
		Entrance entrance = management.addEntrance(actor, new NewEntrance(id, body.name()));
		return ResponseEntity.created(URI.create("/api/v1/buildings/" + id + "/entrances/" + entrance.id()))
			.body(EntranceView.of(entrance));
	}

	@GetMapping("/buildings/{id}/dwellings")
	@Operation(summary = "The building's dwellings within the caller's scope")
	List<DwellingView> dwellings(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		Building building = queries.building(actor.scope(), id)
			.orElseThrow(() -> DomainException.notFound("building"));
		return queries.dwellingsInBuilding(actor.scope(), building.id()).stream().map(DwellingView::of).toList();
	}

	@PostMapping("/buildings/{id}/dwellings")
	@Operation(summary = "Add a dwelling to a building; it lies in the building's grid and micro-grid")
	ResponseEntity<DwellingRef> addDwelling(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody NewDwellingBody body) {
		DwellingRef dwelling = management.addDwelling(actor, new NewDwelling(id, body.entranceId(), body.label(),
				body.floor(), body.areaM2(), body.microGridId()));
		return ResponseEntity.created(URI.create("/api/v1/dwellings/" + dwelling.id())).body(dwelling);
	}

	@GetMapping("/dwellings/{id}")
	@Operation(summary = "One dwelling: where it lies in the tree and what to call it")
	DwellingRef dwelling(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return queries.dwelling(actor.scope(), id).orElseThrow(() -> DomainException.notFound("dwelling"));
	}
}
