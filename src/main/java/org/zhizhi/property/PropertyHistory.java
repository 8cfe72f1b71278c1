package org.zhizhi.property;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.incident.Unit;
import org.zhizhi.incident.UnitKind;
import org.zhizhi.incident.Units;
import org.zhizhi.property.PropertyViews.Committee;
import org.zhizhi.property.PropertyViews.Company;
import org.zhizhi.property.PropertyViews.Contract;
import org.zhizhi.property.PropertyViews.Figure;
import org.zhizhi.property.PropertyViews.Steward;
import org.zhizhi.property.persistence.JdbcInspections;
import org.zhizhi.property.persistence.JdbcRatings;
import org.zhizhi.property.persistence.JdbcRegister;
import org.zhizhi.property.persistence.JdbcTemplates;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.Ids;
import org.zhizhi.territory.Estate;
import org.zhizhi.territory.OrgUnit;

/**
 * Imported history (the demo's, or a district's records moved in): companies with their liaisons, contracts,
 * committees, stated figures, past inspections scored by the same aggregate and past ratings. Trusted: no actor, no
 * scope to check against.
 */
@Service
public class PropertyHistory {

	private final JdbcRegister register;

	private final JdbcInspections inspections;

	private final JdbcRatings ratings;

	private final JdbcTemplates templates;

	private final Units units;

	private final Clock clock;

	PropertyHistory(JdbcRegister register, JdbcInspections inspections, JdbcRatings ratings, JdbcTemplates templates,
			Units units, Clock clock) {
		this.register = register;
		this.inspections = inspections;
		this.ratings = ratings;
		this.templates = templates;
		this.units = units;
		this.clock = clock;
	}

	@Transactional
	public Company company(OrgUnit at, String code, String name, String licenceNo, String contactName,
			String contactPhone, PartyOrg partyOrg, List<UUID> liaisons) {
		Unit unit = units.registerTrusted(code, name, UnitKind.PROPERTY_COMPANY, at, liaisons);
		Company company = new Company(Ids.newId(clock), name, licenceNo, contactName, contactPhone, partyOrg,
				unit.id(), at.path(), at.districtId());
		register.insert(company, clock.instant());
		return company;
	}

	@Transactional
	public Contract contract(Company company, Estate estate, LocalDate from, LocalDate to, Double lat, Double lng) {
		Contract contract = new Contract(Ids.newId(clock), company.id(), company.name(), estate.id(), estate.name(),
				estate.scopePath(), from, to, lat, lng);
		register.insert(contract);
		return contract;
	}

	@Transactional
	public void steward(Company company, UUID estateId, String name, String post, boolean partyMember) {
		register.insert(new Steward(Ids.newId(clock), company.id(), estateId, name, post, partyMember));
	}

	@Transactional
	public void committee(Estate estate, LocalDate from, LocalDate to, List<PropertyViews.CommitteeMember> members) {
		register.insert(new Committee(Ids.newId(clock), estate.id(), estate.name(), from, to, members),
				estate.scopePath());
	}

	@Transactional
	public void figure(OrgUnit district, String code, int value, String source) {
		register.putFigure(district.id(), district.path(), new Figure(code, value, source));
	}

	/** A past monthly inspection: its findings (criterion code → note) fail, the rest of the checklist passed. */
	@Transactional
	public Scorecard.Points inspection(Contract contract, UUID inspectorId, String inspectorName, Instant at,
			List<String[]> findings) {
		EvaluationTemplate template = templates.template(Inspections.TEMPLATE).orElseThrow();
		Inspection inspection = Inspection.start(Ids.newId(clock),
				new Inspection.Subject(Inspections.TEMPLATE, contract.companyId(), contract.estateId(),
						contract.estateName(), contract.scopePath(), DataScope.districtOf(contract.scopePath()),
						inspectorId, inspectorName, at, contract.lat(), contract.lng()));
		for (String[] f : findings) {
			inspection.recordFinding(template, new Inspection.Finding(Ids.newId(clock), f[0], f[1], null,
					contract.lat(), contract.lng(), at));
		}
		Scorecard.Points score = inspection.submit(template, at.plusSeconds(3600));
		inspection.clearEvents();
		inspections.insert(inspection);
		inspection.findings().forEach(f -> inspections.insert(inspection.id(), f));
		return score;
	}

	@Transactional
	public void rating(Company company, int year, BigDecimal score, boolean titled, UUID ratedBy, Instant at) {
		ratings.insert(Ids.newId(clock), company.id(), year, score, Grade.of(score), titled, ratedBy, at);
	}
}
