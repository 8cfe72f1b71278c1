package org.zhizhi.territory;

import java.util.List;
import java.util.UUID;

import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.Ids;
import org.zhizhi.territory.Boundaries.Sibling;
import org.zhizhi.territory.persistence.JdbcOrgUnits;

/** Changes to the management tree: adding nodes under their parent, with codes and boundaries checked. */
@Service
public class TerritoryManagement {

	private final JdbcOrgUnits orgUnits;

	TerritoryManagement(JdbcOrgUnits orgUnits) {
		this.orgUnits = orgUnits;
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
		return unit;
	}
}
