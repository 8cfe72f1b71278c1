package org.zhizhi.territory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.Ids;
import org.zhizhi.territory.persistence.JdbcPlaces;
import org.zhizhi.territory.persistence.JdbcPlaces.DwellingRow;
import org.zhizhi.territory.persistence.JdbcPlaces.MicroGridRow;
import org.zhizhi.territory.persistence.JdbcPlaces.NodeFacts;

/**
 * Registering places: estates in a community, buildings whose grid and micro-grid follow from their position, their
 * entrances, and dwellings that lie where their building lies. Only community staff and the levels above may write,
 * and only inside their own scope; anything outside it is "not found", as in every read.
 */
@Service
public class PlaceManagement {

	private final JdbcPlaces places;

	PlaceManagement(JdbcPlaces places) {
		this.places = places;
	}

	/** Whether the actor may register places at all (inside his scope); pages show their forms only to him. */
	public static boolean mayWrite(Actor actor) {
		return actor != null && actor.hasAny(PlaceRules.WRITERS);
	}

	@Transactional
	public Estate addEstate(Actor actor, NewEstate command) {
		PlaceRules.checkWriter(actor);
		PlaceRules.check(command);
		NodeFacts community = places.node(actor.scope(), command.communityId())
			.orElseThrow(() -> DomainException.notFound("org-unit"));
		if (!OrgLevel.COMMUNITY.name().equals(community.level())) {
			throw DomainException.invalid(List.of(new FieldProblem("communityId", "place.community.notCommunity")));
		}
		String name = command.name().strip();
		if (places.estateNameTaken(community.id(), name)) {
			throw new DomainException(Category.CONFLICT, "ESTATE_NAME_TAKEN", "place.name.taken", name);
		}
		String address = command.address() == null || command.address().isBlank() ? null : command.address().strip();
		Estate estate = new Estate(Ids.newId(), community.id(), name, command.kind(), command.governanceMode(),
				address, community.path());
		unique(() -> places.insert(estate, community.districtId()), "ESTATE_NAME_TAKEN", name);
		return estate;
	}

	/**
	 * Adds a building at its position. The grid and micro-grid are those of the community's micro-grid that contains
	 * the position; a position outside every micro-grid of the estate's community is refused.
	 */
	@Transactional
	public Building addBuilding(Actor actor, NewBuilding command) {
		PlaceRules.checkWriter(actor);
		PlaceRules.check(command);
		Estate estate = writableEstate(actor.scope(), command.estateId());
		// the whole community, not only the writer's part of it: a position is placed first and the writer's scope
		// checked on the micro-grid it falls in (below), so that a position elsewhere in the community is told apart
		DataScope estateCommunity = new DataScope(estate.communityId(), estate.scopePath());
		NodeFacts community = places.node(estateCommunity, estate.communityId())
			.orElseThrow(() -> DomainException.notFound("org-unit"));
		List<MicroGridPlacement.Cell> cells = places.microGridsUnder(estateCommunity)
			.stream()
			.map(PlaceManagement::cell)
			.toList();
		MicroGridPlacement.Cell cell = MicroGridPlacement.locate(cells, command.lat(), command.lng())
			.orElseThrow(() -> new DomainException(Category.INVALID, "BUILDING_OUTSIDE_MICRO_GRIDS",
					"place.building.outsideMicroGrids", command.lat(), command.lng(), community.name()));
		if (!actor.scope().covers(cell.path())) {
			// the position is in the community, but in a part of it the writer does not hold
			throw DomainException.notFound("estate");
		}
		String name = command.name().strip();
		if (places.buildingNameTaken(estate.id(), name)) {
			throw new DomainException(Category.CONFLICT, "BUILDING_NAME_TAKEN", "place.name.taken", name);
		}
		Building building = new Building(Ids.newId(), estate.id(), name, command.floors(), command.lat(),
				command.lng(), cell.gridId(), cell.microGridId(), cell.path());
		unique(() -> places.insert(building, community.districtId()), "BUILDING_NAME_TAKEN", name);
		return building;
	}

	@Transactional
	public Entrance addEntrance(Actor actor, NewEntrance command) {
		PlaceRules.checkWriter(actor);
		PlaceRules.check(command);
		Building building = places.building(actor.scope(), command.buildingId())
			.orElseThrow(() -> DomainException.notFound("building"));
		String name = command.name().strip();
		if (places.entranceNameTaken(building.id(), name)) {
			throw new DomainException(Category.CONFLICT, "ENTRANCE_NAME_TAKEN", "place.name.taken", name);
		}
		Entrance entrance = new Entrance(Ids.newId(), building.id(), name);
		unique(() -> places.insert(entrance), "ENTRANCE_NAME_TAKEN", name);
		return entrance;
	}

	@Transactional
	public DwellingRef addDwelling(Actor actor, NewDwelling command) {
		List<UUID> ids = addDwellings(actor, command.buildingId(), List.of(command), "");
		return places.dwelling(actor.scope(), ids.get(0)).orElseThrow();
	}

	/**
	 * Adds many dwellings to one building in one batch, all or none; field problems of the i-th dwelling are named
	 * {@code dwellings[i].label} and so on. Returns the new ids in the order given.
	 */
	@Transactional
	public List<UUID> addDwellings(Actor actor, UUID buildingId, List<NewDwelling> commands) {
		return addDwellings(actor, buildingId, commands, null);
	}

	private List<UUID> addDwellings(Actor actor, UUID buildingId, List<NewDwelling> commands, String singlePrefix) {
		PlaceRules.checkWriter(actor);
		for (int i = 0; i < commands.size(); i++) {
			PlaceRules.check(commands.get(i), singlePrefix != null ? singlePrefix : "dwellings[" + i + "].");
		}
		Building building = places.building(actor.scope(), buildingId)
			.orElseThrow(() -> DomainException.notFound("building"));
		Set<UUID> entrances = places.entrancesOfBuilding(actor.scope(), building.id())
			.stream()
			.map(e -> e.entrance().id())
			.collect(Collectors.toSet());
		Map<UUID, MicroGridRow> microGridsOfGrid = places.microGridsUnder(gridScope(building))
			.stream()
			.collect(Collectors.toMap(MicroGridRow::id, m -> m));
		List<String> labels = commands.stream().map(c -> c.label().strip()).toList();
		Set<String> seen = new HashSet<>();
		List<FieldProblem> problems = new ArrayList<>();
		for (int i = 0; i < commands.size(); i++) {
			NewDwelling command = commands.get(i);
			String prefix = singlePrefix != null ? singlePrefix : "dwellings[" + i + "].";
			if (command.entranceId() != null && !entrances.contains(command.entranceId())) {
				problems.add(new FieldProblem(prefix + "entranceId", "place.entrance.otherBuilding"));
			}
			if (command.microGridId() != null && !microGridsOfGrid.containsKey(command.microGridId())) {
				problems.add(new FieldProblem(prefix + "microGridId", "place.microGrid.otherGrid"));
			}
			else if (command.microGridId() != null
					&& !actor.scope().covers(microGridsOfGrid.get(command.microGridId()).path())) {
				problems.add(new FieldProblem(prefix + "microGridId", "place.microGrid.otherGrid"));
			}
			if (!seen.add(labels.get(i))) {
				problems.add(new FieldProblem(prefix + "label", "place.label.taken", labels.get(i)));
			}
		}
		for (String taken : places.takenLabels(building.id(), List.copyOf(seen))) {
			problems.add(new FieldProblem((singlePrefix != null ? singlePrefix : "dwellings[" + labels.indexOf(taken)
					+ "].") + "label", "place.label.taken", taken));
		}
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
		UUID districtId = places.districtOfBuilding(building.id());
		List<DwellingRow> rows = new ArrayList<>(commands.size());
		for (int i = 0; i < commands.size(); i++) {
			NewDwelling command = commands.get(i);
			MicroGridRow microGrid = command.microGridId() == null ? null : microGridsOfGrid.get(command.microGridId());
			rows.add(new DwellingRow(Ids.newId(), building.id(), command.entranceId(), labels.get(i), command.floor(),
					command.areaM2(), building.gridId(), microGrid == null ? building.microGridId() : microGrid.id(),
					microGrid == null ? building.scopePath() : microGrid.path(), districtId));
		}
		try {
			places.insertDwellings(rows);
		}
		catch (DuplicateKeyException e) {
			// a concurrent registration took a label between the check and the insert
			throw new DomainException(Category.CONFLICT, "DWELLING_LABEL_TAKEN", "place.labels.taken");
		}
		return rows.stream().map(DwellingRow::id).toList();
	}

	/**
	 * The name checks above give the clear answer; the unique constraints decide when two registrations of the same
	 * name race each other.
	 */
	private static void unique(Runnable insert, String code, String name) {
		try {
			insert.run();
		}
		catch (DuplicateKeyException e) {
			throw new DomainException(Category.CONFLICT, code, "place.name.taken", name);
		}
	}

	private Estate writableEstate(DataScope scope, UUID estateId) {
		if (estateId == null) {
			throw DomainException.notFound("estate");
		}
		return places.estate(scope, estateId).orElseThrow(() -> DomainException.notFound("estate"));
	}

	/**
	 * The building's grid as a scope (its micro-grids are where its dwellings may lie). A micro-grid's path is its
	 * grid's path plus its own id: the grid's path is what is left.
	 */
	private static DataScope gridScope(Building building) {
		String path = building.scopePath();
		return new DataScope(building.gridId(), path.substring(0, path.lastIndexOf('/', path.length() - 2) + 1));
	}

	private static MicroGridPlacement.Cell cell(MicroGridRow row) {
		return new MicroGridPlacement.Cell(row.id(), row.gridId(), row.code(), row.path(),
				Boundaries.parse(row.boundary()));
	}
}
