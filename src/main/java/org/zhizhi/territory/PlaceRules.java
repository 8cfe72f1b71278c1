package org.zhizhi.territory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.GeoPoint;
import org.zhizhi.shared.Role;

/** What an estate, building, entrance or dwelling must look like before it is written, and who may write one. */
final class PlaceRules {

	/** Community staff and the levels above them keep the ledger of places; grid workers read it. */
	static final Set<Role> WRITERS = Set.of(Role.COMMUNITY_STAFF, Role.STREET_STAFF, Role.DISTRICT_ADMIN,
			Role.SYSTEM_ADMIN);

	static final int ESTATE_NAME_MAX = 60;

	static final int BUILDING_NAME_MAX = 40;

	static final int ENTRANCE_NAME_MAX = 20;

	static final int LABEL_MAX = 20;

	static final int ADDRESS_MAX = 200;

	private static final BigDecimal AREA_MAX = new BigDecimal("10000");

	private PlaceRules() {
	}

	static void checkWriter(Actor actor) {
		if (actor == null || !actor.hasAny(WRITERS)) {
			throw new DomainException(Category.FORBIDDEN, "PLACE_WRITE_FORBIDDEN", "place.forbidden");
		}
	}

	static void check(NewEstate estate) {
		List<FieldProblem> problems = new ArrayList<>();
		if (estate.communityId() == null) {
			problems.add(new FieldProblem("communityId", "validation.required"));
		}
		name(problems, "name", estate.name(), ESTATE_NAME_MAX);
		if (estate.kind() == null) {
			problems.add(new FieldProblem("kind", "validation.required"));
		}
		if (estate.governanceMode() == null) {
			problems.add(new FieldProblem("governanceMode", "validation.required"));
		}
		if (estate.address() != null && estate.address().strip().length() > ADDRESS_MAX) {
			problems.add(new FieldProblem("address", "place.address.invalid", ADDRESS_MAX));
		}
		throwIfAny(problems);
	}

	static void check(NewBuilding building) {
		List<FieldProblem> problems = new ArrayList<>();
		name(problems, "name", building.name(), BUILDING_NAME_MAX);
		if (building.floors() != null && (building.floors() < 1 || building.floors() > 200)) {
			problems.add(new FieldProblem("floors", "place.floors.invalid"));
		}
		if (building.lat() == null) {
			problems.add(new FieldProblem("lat", "validation.required"));
		}
		else if (!GeoPoint.validLatitude(building.lat())) {
			problems.add(new FieldProblem("lat", "place.position.invalid"));
		}
		if (building.lng() == null) {
			problems.add(new FieldProblem("lng", "validation.required"));
		}
		else if (!GeoPoint.validLongitude(building.lng())) {
			problems.add(new FieldProblem("lng", "place.position.invalid"));
		}
		throwIfAny(problems);
	}

	static void check(NewEntrance entrance) {
		List<FieldProblem> problems = new ArrayList<>();
		name(problems, "name", entrance.name(), ENTRANCE_NAME_MAX);
		throwIfAny(problems);
	}

	static void check(NewDwelling dwelling, String fieldPrefix) {
		List<FieldProblem> problems = new ArrayList<>();
		if (dwelling.label() == null || dwelling.label().isBlank() || dwelling.label().strip().length() > LABEL_MAX) {
			problems.add(new FieldProblem(fieldPrefix + "label", "place.label.invalid", LABEL_MAX));
		}
		if (dwelling.floor() != null && (dwelling.floor() < -5 || dwelling.floor() > 200)) {
			problems.add(new FieldProblem(fieldPrefix + "floor", "place.floor.invalid"));
		}
		if (dwelling.areaM2() != null
				&& (dwelling.areaM2().signum() <= 0 || dwelling.areaM2().compareTo(AREA_MAX) >= 0)) {
			problems.add(new FieldProblem(fieldPrefix + "areaM2", "place.area.invalid"));
		}
		throwIfAny(problems);
	}

	private static void name(List<FieldProblem> problems, String field, String name, int max) {
		if (name == null || name.isBlank() || name.strip().length() > max) {
			problems.add(new FieldProblem(field, "place.name.invalid", max));
		}
	}

	private static void throwIfAny(List<FieldProblem> problems) {
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
	}
}
