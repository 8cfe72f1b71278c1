package org.zhizhi.incident;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.identity.Account;
import org.zhizhi.identity.AccountQueries;
import org.zhizhi.incident.persistence.JdbcUnits;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.Ids;
import org.zhizhi.shared.Role;
import org.zhizhi.territory.OrgLevel;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.OrgUnitQueries;

/** The register of units that answer whistles and their liaison accounts. */
@Service
public class Units {

	/** Who registers units: the community and the tiers above, within their scope. */
	static final Set<Role> REGISTRARS = EnumSet.of(Role.COMMUNITY_STAFF, Role.STREET_STAFF, Role.DISTRICT_ADMIN,
			Role.SYSTEM_ADMIN);

	/** The roles a liaison account holds. */
	static final Set<Role> LIAISON_ROLES = EnumSet.of(Role.PARTNER_LIAISON, Role.PROPERTY_STAFF);

	/** A unit to register; it serves the org unit given and everything beneath it. */
	public record NewUnit(String code, String name, UnitKind kind, UUID orgUnitId) {
	}

	private final JdbcUnits units;

	private final OrgUnitQueries orgUnits;

	private final AccountQueries accounts;

	private final Clock clock;

	Units(JdbcUnits units, OrgUnitQueries orgUnits, AccountQueries accounts, Clock clock) {
		this.units = units;
		this.orgUnits = orgUnits;
		this.accounts = accounts;
		this.clock = clock;
	}

	@Transactional
	public Unit register(Actor actor, NewUnit unit) {
		IncidentSteps.requireRole(actor, REGISTRARS);
		List<FieldProblem> problems = new ArrayList<>();
		if (unit.code() == null || !unit.code().matches("[a-z0-9][a-z0-9-]{1,31}")) {
			problems.add(new FieldProblem("code", "incident.unitCode"));
		}
		if (unit.name() == null || unit.name().isBlank() || unit.name().length() > 128) {
			problems.add(new FieldProblem("name", "validation.required"));
		}
		if (unit.kind() == null) {
			problems.add(new FieldProblem("kind", "validation.required"));
		}
		OrgUnit served = unit.orgUnitId() == null ? null : orgUnits.find(actor.scope(), unit.orgUnitId()).orElse(null);
		if (served == null || served.level().ordinal() > OrgLevel.COMMUNITY.ordinal()) {
			problems.add(new FieldProblem("orgUnitId", "incident.unitOrgUnit"));
		}
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
		if (units.byCode(unit.code()).isPresent()) {
			throw new DomainException(Category.CONFLICT, "DUPLICATE", "incident.unitCodeTaken");
		}
		Unit created = new Unit(Ids.newId(clock), unit.code(), unit.name().strip(), unit.kind(), served.id(),
				served.path(), true);
		units.insert(created, clock.instant());
		return created;
	}

	/** Makes an account of the unit's area with a liaison role a liaison of the unit; an account serves one unit. */
	@Transactional
	public void addLiaison(Actor actor, UUID unitId, UUID accountId) {
		IncidentSteps.requireRole(actor, REGISTRARS);
		Unit unit = units.find(unitId)
			.filter(u -> actor.scope().covers(u.scopePath()))
			.orElseThrow(() -> DomainException.notFound("unit"));
		Account account = accountId == null ? null : accounts.find(actor.scope(), accountId).orElse(null);
		if (account == null || account.roles().stream().noneMatch(LIAISON_ROLES::contains)) {
			throw DomainException.invalid(List.of(new FieldProblem("accountId", "incident.liaisonAccount")));
		}
		if (!units.addLiaison(unit.id(), account.id()) && !units.isLiaison(unit.id(), account.id())) {
			throw new DomainException(Category.CONFLICT, "LIAISON_ELSEWHERE", "incident.liaisonElsewhere");
		}
	}

	/** Used by the demo loader: registers without an actor (no scope to check against). */
	@Transactional
	public Unit registerTrusted(String code, String name, UnitKind kind, OrgUnit served, List<UUID> liaisons) {
		Unit unit = units.byCode(code).orElse(null);
		if (unit == null) {
			unit = new Unit(Ids.newId(clock), code, name, kind, served.id(), served.path(), true);
			units.insert(unit, clock.instant());
		}
		for (UUID liaison : liaisons) {
			units.addLiaison(unit.id(), liaison);
		}
		return unit;
	}
}
