package org.zhizhi.territory;

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
import org.zhizhi.territory.Firm.Industry;
import org.zhizhi.territory.persistence.JdbcFirms;

/** The firms of industrial-park grids, registered by community staff and above. */
@Service
public class Firms {

	private final JdbcFirms firms;

	private final OrgUnitQueries orgUnits;

	Firms(JdbcFirms firms, OrgUnitQueries orgUnits) {
		this.firms = firms;
		this.orgUnits = orgUnits;
	}

	@Transactional(readOnly = true)
	public List<Firm> ofGrid(DataScope scope, UUID gridId) {
		OrgUnit grid = orgUnits.find(scope, gridId).orElseThrow(() -> DomainException.notFound("org-unit"));
		return firms.ofGrid(grid.scope(), grid.id());
	}

	@Transactional
	public Firm register(Actor actor, UUID gridId, String name, Industry industry, Integer employees) {
		PlaceRules.checkWriter(actor);
		return register(actor.scope(), gridId, name, industry, employees);
	}

	@Transactional
	public Firm register(DataScope scope, UUID gridId, String name, Industry industry, Integer employees) {
		OrgUnit grid = orgUnits.find(scope, gridId).orElseThrow(() -> DomainException.notFound("org-unit"));
		List<FieldProblem> problems = new ArrayList<>();
		if (grid.level() != OrgLevel.GRID || !"PARK".equals(grid.kind())) {
			problems.add(new FieldProblem("gridId", "firm.grid.notPark"));
		}
		if (name == null || name.isBlank() || name.strip().length() > 80) {
			problems.add(new FieldProblem("name", "firm.name.invalid"));
		}
		if (industry == null) {
			problems.add(new FieldProblem("industry", "validation.required"));
		}
		if (employees != null && employees < 0) {
			problems.add(new FieldProblem("employees", "firm.employees.invalid"));
		}
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
		Firm firm = new Firm(Ids.newId(), grid.id(), name.strip(), industry, employees);
		try {
			firms.insert(firm, grid.path(), grid.districtId());
		}
		catch (DuplicateKeyException e) {
			throw new DomainException(Category.CONFLICT, "FIRM_NAME_TAKEN", "firm.name.taken", firm.name());
		}
		return firm;
	}
}
