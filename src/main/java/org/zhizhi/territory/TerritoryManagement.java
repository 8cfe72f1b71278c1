package org.zhizhi.territory;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.locationtech.jts.geom.Geometry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.Role;
import org.zhizhi.shared.Ids;
import org.zhizhi.territory.Boundaries.Sibling;
import org.zhizhi.territory.persistence.JdbcBoundaries;
import org.zhizhi.territory.persistence.JdbcOrgUnits;

/**
 * Changes to the management tree: adding nodes under their parent and replacing grid boundaries, with codes and
 * boundaries checked.
 */
@Service
public class TerritoryManagement {

	/** Who may replace boundaries and manage grid teams: community staff and above (within their own scope). */
	public static final Set<Role> EDITORS = EnumSet.of(Role.COMMUNITY_STAFF, Role.STREET_STAFF, Role.DISTRICT_ADMIN,
			Role.SYSTEM_ADMIN);

	private final JdbcOrgUnits orgUnits;

	private final JdbcBoundaries boundaries;

	private final ApplicationEventPublisher events;

	TerritoryManagement(JdbcOrgUnits orgUnits, JdbcBoundaries boundaries, ApplicationEventPublisher events) {
		this.orgUnits = orgUnits;
		this.boundaries = boundaries;
		this.events = events;
	}

	/**
	 * Replaces the boundary of a grid or micro-grid of the actor's scope with a GeoJSON geometry or Feature. Refused,
	 * with the reason on the field {@code boundary}, if it is no valid polygon, leaves its parent, overlaps a sibling
	 * or would leave one of its own children outside; the old boundary then stays as it was.
	 */
	@Transactional
	public OrgUnit replaceBoundary(Actor actor, UUID id, String geoJson) {
		checkEditor(actor);
		OrgUnit node = orgUnits.find(actor.scope(), id).orElseThrow(() -> DomainException.notFound("org-unit"));
		if (!node.level().hasBoundary()) {
			throw boundaryProblem("BOUNDARY_NOT_EDITABLE", "territory.boundary.notEditable");
		}
		// Locking the parent serialises boundary changes among siblings, as additions under it are.
		OrgUnit parent = orgUnits.lockForChildren(node.parentId())
			.orElseThrow(() -> DomainException.notFound("org-unit"));
		String boundary;
		try {
			Geometry geometry = Boundaries.parse(geoJson);
			Geometry parentBoundary = parent.boundary() == null ? null : Boundaries.parse(parent.boundary());
			List<Sibling> siblings = boundaries.ofChildren(parent.id())
				.stream()
				.filter(s -> !s.id().equals(node.id()))
				.map(s -> new Sibling(s.name(), Boundaries.parse(s.boundary())))
				.toList();
			Boundaries.checkPlacement(node.name(), geometry, parentBoundary, siblings);
			List<Sibling> children = boundaries.ofChildren(node.id())
				.stream()
				.map(s -> new Sibling(s.name(), Boundaries.parse(s.boundary())))
				.toList();
			Boundaries.checkChildren(node.name(), geometry, children);
			boundary = Boundaries.write(geometry);
		}
		catch (DomainException e) {
			if (e.category() != Category.INVALID || !e.fieldProblems().isEmpty()) {
				throw e;
			}
			throw new DomainException(Category.INVALID, e.code(), e.messageKey(),
					List.of(new FieldProblem("boundary", e.messageKey(), e.args())), e.args());
		}
		boundaries.replace(node.id(), boundary);
		events.publishEvent(new BoundaryChanged(node.id()));
		return orgUnits.find(actor.scope(), id).orElseThrow();
	}

	static void checkEditor(Actor actor) {
		if (!actor.hasAny(EDITORS)) {
			throw new DomainException(Category.FORBIDDEN, "FORBIDDEN", "territory.editorsOnly");
		}
	}

	/** Whether the actor may edit nodes and teams of his scope (pages use it to show their forms). */
	public static boolean mayEdit(Actor actor) {
		return actor != null && actor.hasAny(EDITORS);
	}

	private static DomainException boundaryProblem(String code, String key) {
		return new DomainException(Category.INVALID, code, key, List.of(new FieldProblem("boundary", key)));
	}

	/** The installation's root node, created on the first start. */
	@Transactional
	public OrgUnit ensureRoot(String name, String code) {
		return orgUnits.findRoot().orElseGet(() -> {
			NewOrgUnit root = new NewOrgUnit(null, OrgLevel.CITY, name, code, null, null);
			OrgUnitRules.check(root, null);
			UUID id = Ids.newId();
			OrgUnit unit = new OrgUnit(id, null, OrgLevel.CITY, name, code, null, "/" + id + "/", null, null);
			orgUnits.insert(unit);
			return unit;
		});
	}

	@Transactional
	public OrgUnit add(NewOrgUnit node) {
		// Locking the parent serialises additions under it, so two concurrent imports cannot both pass the sibling
		// overlap check with boundaries that overlap each other.
		OrgUnit parent = orgUnits.lockForChildren(node.parentId())
			.orElseThrow(() -> DomainException.notFound("org-unit"));
		OrgUnitRules.check(node, parent);
		if (orgUnits.codeTaken(node.code())) {
			throw new DomainException(Category.CONFLICT, "CODE_TAKEN", "territory.code.taken", node.code());
		}
		String boundary = null;
		if (node.boundary() != null) {
			Geometry geometry = Boundaries.parse(node.boundary());
			Geometry parentBoundary = parent.boundary() == null ? null : Boundaries.parse(parent.boundary());
			List<Sibling> siblings = orgUnits.boundariesOfChildren(parent.id())
				.stream()
				.map(s -> new Sibling(s.name(), Boundaries.parse(s.boundary())))
				.toList();
			Boundaries.checkPlacement(node.name(), geometry, parentBoundary, siblings);
			boundary = Boundaries.write(geometry);
		}
		UUID id = Ids.newId();
		UUID districtId = switch (node.level()) {
			case CITY -> null;
			case DISTRICT -> id;
			default -> parent.districtId();
		};
		OrgUnit unit = new OrgUnit(id, parent.id(), node.level(), node.name().strip(), node.code(), node.kind(),
				parent.path() + id + "/", districtId, boundary);
		orgUnits.insert(unit);
		if (node.level() == OrgLevel.DISTRICT) {
			events.publishEvent(new DistrictCreated(id, node.code()));
		}
		return unit;
	}
}
