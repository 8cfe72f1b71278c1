package org.zhizhi.command.sentinel;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.zhizhi.command.SubjectKind;
import org.zhizhi.incident.IncidentCategory;
import org.zhizhi.incident.IncidentQueries;
import org.zhizhi.incident.IncidentSignals;
import org.zhizhi.incident.IncidentSignals.UnitRecord;
import org.zhizhi.party.DutyRosters;
import org.zhizhi.party.OnDuty;
import org.zhizhi.shared.DataScope;
import org.zhizhi.territory.GridShare;
import org.zhizhi.territory.GridTeamMember;
import org.zhizhi.territory.GridTeams;
import org.zhizhi.territory.Installation;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.OrgUnitQueries;
import org.zhizhi.territory.PlaceQueries;
import org.zhizhi.territory.TeamPosition;

/**
 * 参谋: who should handle an alert, by counts a person can check — no model. The units: those that closed the most
 * incidents of the alert's category in its community on time over the last {@link #DAYS} days (any category when
 * none closed one of this category there, and for an alert not about incidents). The people: first the party members
 * on duty there now (the rosters of 党员示范岗 and 责任区, {@code party.DutyRosters}) — they stand nearest — then the
 * 1+3+N team of the alert's grid (of the estate's grids for an estate), the grid's own workers first and, for an
 * estate's property, its property staff before them.
 */
@Component
class Advisor {

	static final int DAYS = 90;

	private static final int UNITS = 3;

	private static final int PEOPLE = 6;

	private final IncidentSignals incidents;

	private final IncidentQueries incidentQueries;

	private final GridTeams teams;

	private final PlaceQueries places;

	private final OrgUnitQueries orgUnits;

	private final Installation installation;

	private final Clock clock;

	private final DutyRosters duty;

	Advisor(IncidentSignals incidents, IncidentQueries incidentQueries, GridTeams teams, PlaceQueries places,
			OrgUnitQueries orgUnits, Installation installation, Clock clock, DutyRosters duty) {
		this.duty = duty;
		this.incidents = incidents;
		this.incidentQueries = incidentQueries;
		this.teams = teams;
		this.places = places;
		this.orgUnits = orgUnits;
		this.installation = installation;
		this.clock = clock;
	}

	Advice advise(Alert alert) {
		Fact fact = alert.raised().fact();
		DataScope area = community(fact.scopePath());
		String category = fact.categoryCode();
		var since = clock.instant().minus(Duration.ofDays(DAYS));
		List<UnitRecord> found = incidents.unitsClosingOnTime(area, category, since, UNITS);
		if (found.isEmpty() && category != null) {
			category = null;
			found = incidents.unitsClosingOnTime(area, null, since, UNITS);
		}
		String areaName = orgUnits.find(installation.whole(), area.orgUnitId()).map(OrgUnit::name).orElse("");
		String categoryName = category == null ? null : incidentQueries.categories().stream()
			.filter(c -> c.code().equals(fact.categoryCode())).map(IncidentCategory::name).findFirst().orElse(category);
		List<Advice.Proposal> units = new ArrayList<>();
		for (UnitRecord u : found) {
			units.add(new Advice.Proposal(u.unitId(), u.unitName(),
					category != null ? "command.advice.unitCategory"
							: fact.categoryCode() == null ? "command.advice.unitAll" : "command.advice.unitAny",
					List.of(areaName, DAYS, u.onTime(), u.closed(), categoryName == null ? "" : categoryName)));
		}
		return new Advice(category, categoryName, DAYS, units, people(alert));
	}

	private List<Advice.Proposal> people(Alert alert) {
		Fact fact = alert.raised().fact();
		Set<UUID> grids = new LinkedHashSet<>();
		if (fact.gridId() != null) {
			grids.add(fact.gridId());
		}
		if (fact.estateId() != null) {
			places.gridsOfEstate(installation.whole(), fact.estateId()).stream().map(GridShare::gridId)
				.forEach(grids::add);
		}
		boolean property = fact.subjectKind() == SubjectKind.ESTATE || fact.subjectKind() == SubjectKind.BUILDING
				|| fact.subjectKind() == SubjectKind.COMPANY;
		List<Advice.Proposal> people = new ArrayList<>();
		if (!grids.isEmpty()) {
			for (OnDuty member : duty.onDuty(installation.whole(), grids, clock.instant())) {
				if (people.stream().noneMatch(p -> p.name().equals(member.memberName()))) {
					people.add(new Advice.Proposal(member.accountId(), member.memberName(), "command.advice.onDuty",
							List.of(member.postName(), member.gridName())));
				}
			}
		}
		for (UUID grid : grids) {
			String gridName = orgUnits.find(installation.whole(), grid).map(OrgUnit::name).orElse("");
			teams.of(installation.whole(), grid)
				.stream()
				.sorted(Comparator.comparingInt(m -> rank(m.position(), property)))
				.filter(m -> !m.position().isSupportForce() || (property && m.position() == TeamPosition.PROPERTY)
						|| m.position() == TeamPosition.POLICE)
				.forEach(m -> people.add(proposal(m, gridName)));
			if (people.size() >= PEOPLE) {
				break;
			}
		}
		return people.stream().limit(PEOPLE).toList();
	}

	private static Advice.Proposal proposal(GridTeamMember m, String gridName) {
		return new Advice.Proposal(m.accountId(), m.name(), "command.advice.team",
				List.of(gridName, "position." + m.position().name()));
	}

	/** The grid's own workers first; for an estate's property its property staff before everyone. */
	private static int rank(TeamPosition position, boolean property) {
		if (property && position == TeamPosition.PROPERTY) {
			return -1;
		}
		return position.ordinal();
	}

	/** The community a path lies in: /city/district/street/community/… (the path itself when it stops higher). */
	static DataScope community(String path) {
		String[] ids = path.substring(1).split("/");
		int depth = Math.min(ids.length, 4);
		StringBuilder prefix = new StringBuilder("/");
		for (int i = 0; i < depth; i++) {
			prefix.append(ids[i]).append('/');
		}
		return new DataScope(UUID.fromString(ids[depth - 1]), prefix.toString());
	}
}
