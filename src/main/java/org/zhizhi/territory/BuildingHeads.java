package org.zhizhi.territory;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.Ids;
import org.zhizhi.territory.persistence.JdbcBuildingHeads;

/**
 * Building heads: appointing one ends the current appointment of that building on the same day, so a building has at
 * most one head at a time and its history is kept.
 */
@Service
public class BuildingHeads {

	private final JdbcBuildingHeads heads;

	private final PlaceQueries places;

	private final Clock clock;

	private final ZoneId zone;

	BuildingHeads(JdbcBuildingHeads heads, PlaceQueries places, Clock clock, ZoneId zone) {
		this.heads = heads;
		this.places = places;
		this.clock = clock;
		this.zone = zone;
	}

	/** Current and past heads of a building inside the scope, current first. */
	@Transactional(readOnly = true)
	public List<BuildingHead> of(DataScope scope, UUID buildingId) {
		places.building(scope, buildingId).orElseThrow(() -> DomainException.notFound("building"));
		return heads.of(scope, buildingId);
	}

	@Transactional
	public BuildingHead appoint(Actor actor, UUID buildingId, String name, UUID residentId, boolean red) {
		PlaceRules.checkWriter(actor);
		Building building = places.building(actor.scope(), buildingId)
			.orElseThrow(() -> DomainException.notFound("building"));
		return appoint(building, name, residentId, red);
	}

	/** For the demo district: the same command without an acting user. */
	@Transactional
	public BuildingHead bootstrap(DataScope scope, UUID buildingId, String name, boolean red) {
		Building building = places.building(scope, buildingId).orElseThrow(() -> DomainException.notFound("building"));
		return appoint(building, name, null, red);
	}

	private BuildingHead appoint(Building building, String name, UUID residentId, boolean red) {
		List<FieldProblem> problems = new ArrayList<>();
		if (name == null || name.isBlank() || name.strip().length() > 40) {
			problems.add(new FieldProblem("name", "buildingHead.name.invalid"));
		}
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
		LocalDate today = LocalDate.now(clock.withZone(zone));
		heads.endCurrent(building.id(), today);
		BuildingHead head = new BuildingHead(Ids.newId(clock), building.id(), residentId, name.strip(), red, today,
				null);
		try {
			heads.insert(head, building.scopePath(), DataScope.districtOf(building.scopePath()));
		}
		catch (DuplicateKeyException e) {
			throw new DomainException(Category.CONFLICT, "HEAD_APPOINTED_CONCURRENTLY", "buildingHead.concurrent");
		}
		return head;
	}
}
