package org.zhizhi.territory.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.FormErrors;
import org.zhizhi.territory.Building;
import org.zhizhi.territory.BuildingHeads;
import org.zhizhi.territory.Dwelling;
import org.zhizhi.territory.Estate;
import org.zhizhi.territory.EstateKind;
import org.zhizhi.territory.GovernanceMode;
import org.zhizhi.territory.NewBuilding;
import org.zhizhi.territory.NewEstate;
import org.zhizhi.territory.OrgLevel;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.OrgUnitFilter;
import org.zhizhi.territory.OrgUnitQueries;
import org.zhizhi.territory.PlaceManagement;
import org.zhizhi.territory.PlaceQueries;
import org.zhizhi.territory.PlaceSummaries;
import org.zhizhi.territory.PlaceSummary;
import org.zhizhi.territory.TerritoryRoles;

/** The pages of estates and buildings: a searchable list, an estate with its buildings and grids, a building. */
@Controller
@RequestMapping("/territory")
class PlaceController {

	private final PlaceQueries places;

	private final PlaceSummaries summaries;

	private final OrgUnitQueries orgUnits;

	private final PlaceManagement management;

	private final MessageSource messages;

	private final BuildingHeads buildingHeads;

	PlaceController(PlaceQueries places, PlaceSummaries summaries, OrgUnitQueries orgUnits,
			PlaceManagement management, MessageSource messages, BuildingHeads buildingHeads) {
		this.buildingHeads = buildingHeads;
		this.places = places;
		this.summaries = summaries;
		this.orgUnits = orgUnits;
		this.management = management;
		this.messages = messages;
	}

	@GetMapping("/estates")
	String estates(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String name, Model model) {
		requirePlaceReader(actor);
		List<Estate> estates = places.estates(actor.scope(), name, null);
		model.addAttribute("name", name == null ? "" : name.strip());
		model.addAttribute("estates", estates);
		model.addAttribute("counts", places.estateCounts(actor.scope(), estates.stream().map(Estate::id).toList()));
		model.addAttribute("communities", namesOf(actor, estates.stream().map(Estate::communityId).toList()));
		model.addAttribute("mayWrite", PlaceManagement.mayWrite(actor));
		return "territory/estates";
	}

	@GetMapping("/estates/new")
	String newEstate(@AuthenticationPrincipal Actor actor, Model model) {
		requireWriter(actor);
		return estateForm(actor, model, new NewEstate(null, "", null, null, ""), FormErrors.none());
	}

	@PostMapping("/estates")
	String addEstate(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) UUID communityId,
			@RequestParam(defaultValue = "") String name, @RequestParam(required = false) EstateKind kind,
			@RequestParam(required = false) GovernanceMode governanceMode,
			@RequestParam(defaultValue = "") String address, Model model, RedirectAttributes redirect) {
		NewEstate command = new NewEstate(communityId, name, kind, governanceMode, address);
		try {
			Estate estate = management.addEstate(actor, command);
			redirect.addFlashAttribute("notice", "estate.created");
			return "redirect:/territory/estates/" + estate.id();
		}
		catch (DomainException e) {
			if (e.category() != Category.INVALID && e.category() != Category.CONFLICT) {
				throw e;
			}
			return estateForm(actor, model, command, FormErrors.of(e, messages));
		}
	}

	@PostMapping("/estates/{id}/buildings")
	String addBuilding(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String name, @RequestParam(required = false) Integer floors,
			@RequestParam(required = false) Double lat, @RequestParam(required = false) Double lng, Model model,
			RedirectAttributes redirect) {
		NewBuilding command = new NewBuilding(id, name, floors, lat, lng);
		try {
			Building building = management.addBuilding(actor, command);
			redirect.addFlashAttribute("notice", "building.created");
			return "redirect:/territory/buildings/" + building.id();
		}
		catch (DomainException e) {
			if (e.category() != Category.INVALID && e.category() != Category.CONFLICT) {
				throw e;
			}
			model.addAttribute("buildingForm", command);
			model.addAttribute("errors", FormErrors.of(e, messages));
			return estate(actor, id, model);
		}
	}

	private String estateForm(Actor actor, Model model, NewEstate command, FormErrors errors) {
		model.addAttribute("command", command);
		model.addAttribute("errors", errors);
		model.addAttribute("communityChoices",
				orgUnits.list(actor.scope(), new OrgUnitFilter(null, null, OrgLevel.COMMUNITY)));
		model.addAttribute("kinds", EstateKind.values());
		model.addAttribute("modes", GovernanceMode.values());
		return "territory/estate-form";
	}

	@GetMapping("/estates/{id}")
	String estate(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		requirePlaceReader(actor);
		Estate estate = places.estate(actor.scope(), id).orElseThrow(() -> DomainException.notFound("estate"));
		PlaceSummary summary = summaries.ofEstate(actor.scope(), estate.id()).orElseThrow();
		model.addAttribute("estate", estate);
		model.addAttribute("community", orgUnits.find(actor.scope(), estate.communityId()).orElse(null));
		model.addAttribute("summary", summary.byFieldName());
		model.addAttribute("buildings", places.buildingsOfEstate(actor.scope(), estate.id()));
		model.addAttribute("grids", places.gridsOfEstate(actor.scope(), estate.id()));
		model.addAttribute("mayWrite", PlaceManagement.mayWrite(actor));
		if (!model.containsAttribute("buildingForm")) {
			model.addAttribute("buildingForm", new NewBuilding(estate.id(), "", null, null, null));
			model.addAttribute("errors", FormErrors.none());
		}
		return "territory/estate";
	}

	@GetMapping("/buildings/{id}")
	String building(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		requirePlaceReader(actor);
		Building building = places.building(actor.scope(), id)
			.orElseThrow(() -> DomainException.notFound("building"));
		Estate estate = places.estate(actor.scope(), building.estateId()).orElseThrow();
		List<Dwelling> dwellings = places.dwellingsInBuilding(actor.scope(), building.id());
		model.addAttribute("building", building);
		model.addAttribute("estate", estate);
		model.addAttribute("grid", orgUnits.find(actor.scope(), building.gridId()).orElse(null));
		model.addAttribute("microGrids", namesOf(actor, dwellings.stream()
			.map(Dwelling::microGridId)
			.distinct()
			.collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new))));
		model.addAttribute("entrances", places.entrancesOfBuilding(actor.scope(), building.id()));
		model.addAttribute("dwellings", dwellings);
		model.addAttribute("dwellingLimit", PlaceQueries.LIST_LIMIT);
		model.addAttribute("heads", buildingHeads.of(actor.scope(), building.id()));
		return "territory/building";
	}

	/** The names of the given nodes that lie inside the actor's scope. */
	private Map<UUID, String> namesOf(Actor actor, List<UUID> ids) {
		Map<UUID, String> names = new HashMap<>();
		ids.stream().filter(Objects::nonNull).distinct().forEach(nodeId -> orgUnits.find(actor.scope(), nodeId)
			.map(OrgUnit::name)
			.ifPresent(n -> names.put(nodeId, n)));
		return names;
	}

	private static void requireWriter(Actor actor) {
		if (!PlaceManagement.mayWrite(actor)) {
			throw new DomainException(Category.FORBIDDEN, "PLACE_WRITE_FORBIDDEN", "place.forbidden");
		}
	}

	private static void requirePlaceReader(Actor actor) {
		if (!TerritoryRoles.mayReadPlaces(actor)) {
			throw new DomainException(Category.FORBIDDEN, "FORBIDDEN", "problem.forbidden");
		}
	}
}
