package org.zhizhi.territory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.Ids;
import org.zhizhi.territory.persistence.JdbcGridTeams;
import org.zhizhi.territory.persistence.JdbcOrgUnits;

/** Grid teams (1+3+N): who works in a grid and which of the five duties each takes. Scoped like the grid. */
@Service
public class GridTeams {

	/** A mobile or landline number as people write it: digits, spaces, dashes, brackets, a leading plus. */
	private static final Pattern PHONE = Pattern.compile("[0-9+() -]{5,20}");

	private final JdbcOrgUnits orgUnits;

	private final JdbcGridTeams teams;

	GridTeams(JdbcOrgUnits orgUnits, JdbcGridTeams teams) {
		this.orgUnits = orgUnits;
		this.teams = teams;
	}

	/** The team of a grid inside the scope, leader first; not found outside the scope. */
	@Transactional(readOnly = true)
	public List<GridTeamMember> of(DataScope scope, UUID gridId) {
		OrgUnit grid = gridIn(scope, gridId);
		return teams.ofGrid(grid.id());
	}

	/** The teams of all grids of the scope, by grid id (for maps and lists). */
	@Transactional(readOnly = true)
	public Map<UUID, List<GridTeamMember>> inScope(DataScope scope) {
		return teams.inScope(scope);
	}

	/** Adds a member to a grid of the actor's scope; community staff and above only. */
	@Transactional
	public GridTeamMember add(Actor actor, UUID gridId, NewTeamMember member) {
		TerritoryManagement.checkEditor(actor);
		return insert(gridIn(actor.scope(), gridId), member);
	}

	/** Adds a member without an acting user: only for loading the demo district. */
	@Transactional
	public GridTeamMember bootstrap(UUID gridId, NewTeamMember member) {
		return insert(orgUnits.findUnscoped(gridId).filter(g -> g.level() == OrgLevel.GRID)
			.orElseThrow(() -> DomainException.notFound("grid")), member);
	}

	private GridTeamMember insert(OrgUnit grid, NewTeamMember member) {
		List<FieldProblem> problems = new ArrayList<>();
		if (member.position() == null) {
			problems.add(new FieldProblem("position", "validation.required"));
		}
		String name = member.name() == null ? "" : member.name().strip();
		if (name.isEmpty() || name.length() > 30) {
			problems.add(new FieldProblem("name", "team.name.invalid"));
		}
		String phone = member.workPhone() == null || member.workPhone().isBlank() ? null : member.workPhone().strip();
		if (phone != null && !PHONE.matcher(phone).matches()) {
			problems.add(new FieldProblem("workPhone", "team.phone.invalid"));
		}
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
		GridTeamMember created = new GridTeamMember(Ids.newId(), grid.id(), member.position(), name,
				member.accountId(), phone, member.duties());
		try {
			teams.insert(created, grid.path());
		}
		catch (DuplicateKeyException e) {
			throw new DomainException(Category.CONFLICT, "GRID_LEADER_TAKEN", "team.leaderTaken", List.of(
					new FieldProblem("position", "team.leaderTaken")));
		}
		return created;
	}

	private OrgUnit gridIn(DataScope scope, UUID gridId) {
		return orgUnits.find(scope, gridId)
			.filter(g -> g.level() == OrgLevel.GRID)
			.orElseThrow(() -> DomainException.notFound("grid"));
	}
}
