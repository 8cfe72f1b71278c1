package org.zhizhi.property;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.incident.Unit;
import org.zhizhi.incident.UnitKind;
import org.zhizhi.incident.Units;
import org.zhizhi.property.PropertyCommands.NewCommittee;
import org.zhizhi.property.PropertyCommands.NewCompany;
import org.zhizhi.property.PropertyCommands.NewContract;
import org.zhizhi.property.PropertyCommands.NewSteward;
import org.zhizhi.property.PropertyViews.Committee;
import org.zhizhi.property.PropertyViews.CommitteeMember;
import org.zhizhi.property.PropertyViews.Company;
import org.zhizhi.property.PropertyViews.CompanyDetail;
import org.zhizhi.property.PropertyViews.CompanySummary;
import org.zhizhi.property.PropertyViews.Contract;
import org.zhizhi.property.PropertyViews.Figure;
import org.zhizhi.property.PropertyViews.Steward;
import org.zhizhi.property.persistence.JdbcRatings;
import org.zhizhi.property.persistence.JdbcRegister;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.CommandShape;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.Ids;
import org.zhizhi.territory.Building;
import org.zhizhi.territory.BuildingOverview;
import org.zhizhi.territory.Estate;
import org.zhizhi.territory.OrgLevel;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.OrgUnitQueries;
import org.zhizhi.territory.PlaceQueries;

/**
 * The register of property companies: a desk registers a company at its district or street — which makes it a unit
 * of the whistle loop (单位应哨) serving there — with its licence, contact and party coverage; the estates it manages by
 * contract; its 红色管家; and the owners' committees of the estates with their members.
 */
@Service
public class PropertyCompanies {

	static final int LIMIT = 500;

	private final JdbcRegister register;

	private final JdbcRatings ratings;

	private final Units units;

	private final OrgUnitQueries orgUnits;

	private final PlaceQueries places;

	private final CommandShape shape;

	private final Clock clock;

	private final ZoneId zone;

	PropertyCompanies(JdbcRegister register, JdbcRatings ratings, Units units, OrgUnitQueries orgUnits,
			PlaceQueries places, CommandShape shape, Clock clock, ZoneId zone) {
		this.register = register;
		this.ratings = ratings;
		this.units = units;
		this.orgUnits = orgUnits;
		this.places = places;
		this.shape = shape;
		this.clock = clock;
		this.zone = zone;
	}

	@Transactional
	public Company register(Actor actor, NewCompany command) {
		requireDesk(actor);
		List<FieldProblem> more = new ArrayList<>();
		OrgUnit at = command.orgUnitId() == null ? null
				: orgUnits.find(actor.scope(), command.orgUnitId())
					.filter(o -> o.level() == OrgLevel.DISTRICT || o.level() == OrgLevel.STREET)
					.orElse(null);
		if (command.orgUnitId() != null && at == null) {
			more.add(new FieldProblem("orgUnitId", "property.registerAtDistrict"));
		}
		shape.check(command, more);
		UUID id = Ids.newId(clock);
		Unit unit = units.registerTrusted("wy-" + id.toString().substring(24), command.name().strip(),
				UnitKind.PROPERTY_COMPANY, at, List.of());
		Company company = new Company(id, command.name().strip(), command.licenceNo().strip(),
				blankToNull(command.contactName()), blankToNull(command.contactPhone()), command.partyOrg(),
				unit.id(), at.path(), at.districtId());
		if (!register.insert(company, clock.instant())) {
			throw new DomainException(Category.CONFLICT, "LICENCE_REGISTERED", "property.licenceRegistered");
		}
		return company;
	}

	/** The company manages an estate of the caller's scope; its position is the estate's first building's. */
	@Transactional
	public Contract contract(Actor actor, UUID companyId, NewContract command) {
		requireDesk(actor);
		Company company = company(actor, companyId);
		List<FieldProblem> more = new ArrayList<>();
		Estate estate = command.estateId() == null ? null
				: places.estate(actor.scope(), command.estateId()).orElse(null);
		if (command.estateId() != null && estate == null) {
			more.add(new FieldProblem("estateId", "property.estateNotFound"));
		}
		if (command.startsOn() != null && command.endsOn() != null && !command.endsOn().isAfter(command.startsOn())) {
			more.add(new FieldProblem("endsOn", "property.endsBeforeStart"));
		}
		shape.check(command, more);
		double[] at = position(actor.scope(), estate.id());
		Contract contract = new Contract(Ids.newId(clock), company.id(), company.name(), estate.id(), estate.name(),
				estate.scopePath(), command.startsOn(), command.endsOn(), at == null ? null : at[0],
				at == null ? null : at[1]);
		if (!register.insert(contract)) {
			throw new DomainException(Category.CONFLICT, "CONTRACT_EXISTS", "property.contractExists");
		}
		return contract;
	}

	@Transactional
	public Steward steward(Actor actor, UUID companyId, NewSteward command) {
		requireDesk(actor);
		Company company = company(actor, companyId);
		shape.check(command);
		Steward steward = new Steward(Ids.newId(clock), company.id(), command.estateId(), command.name().strip(),
				command.post().strip(), command.partyMember());
		register.insert(steward);
		return steward;
	}

	@Transactional
	public Committee committee(Actor actor, NewCommittee command) {
		requireDesk(actor);
		List<FieldProblem> more = new ArrayList<>();
		Estate estate = command.estateId() == null ? null
				: places.estate(actor.scope(), command.estateId()).orElse(null);
		if (command.estateId() != null && estate == null) {
			more.add(new FieldProblem("estateId", "property.estateNotFound"));
		}
		if (command.termStarts() != null && command.termEnds() != null
				&& !command.termEnds().isAfter(command.termStarts())) {
			more.add(new FieldProblem("termEnds", "property.endsBeforeStart"));
		}
		shape.check(command, more);
		Committee committee = new Committee(Ids.newId(clock), estate.id(), estate.name(), command.termStarts(),
				command.termEnds(), command.members().stream()
					.map(m -> new CommitteeMember(m.name().strip(), m.position(), m.partyMember()))
					.toList());
		if (!register.insert(committee, estate.scopePath())) {
			throw new DomainException(Category.CONFLICT, "TERM_EXISTS", "property.termExists");
		}
		return committee;
	}

	/** The companies the caller sees, by name, with their estates and latest rating. */
	@Transactional(readOnly = true)
	public List<CompanySummary> companies(Actor actor, String name) {
		requireDesk(actor);
		return register.companies(actor.scope(), name, LIMIT).stream()
			.map(c -> new CompanySummary(c, register.contractsOf(c.id()), register.stewardsOf(c.id()).size(),
					ratings.ofCompany(c.id()).stream().findFirst().orElse(null)))
			.toList();
	}

	@Transactional(readOnly = true)
	public Company company(Actor actor, UUID id) {
		requireDesk(actor);
		return register.company(actor.scope(), id).orElseThrow(() -> DomainException.notFound("company"));
	}

	/** The register's part of a company's page; inspections and rectifications are added by the caller. */
	@Transactional(readOnly = true)
	public CompanyDetail detail(Actor actor, UUID id, List<PropertyViews.InspectionView> inspections,
			List<PropertyViews.RectificationView> rectifications) {
		Company company = company(actor, id);
		List<Contract> estates = register.contractsOf(id);
		return new CompanyDetail(company, estates, register.stewardsOf(id),
				register.committeesOf(estates.stream().map(Contract::estateId).distinct().toList()), inspections,
				rectifications, ratings.ofCompany(id));
	}

	/** The figures of the caller's scope: companies by party coverage, 红色管家, and the district's stated figures. */
	public record Overview(Map<PartyOrg, Long> coverage, long stewards, long committees, long redCommittees,
			List<Figure> stated) {
	}

	@Transactional(readOnly = true)
	public Overview overview(Actor actor) {
		requireDesk(actor);
		List<Committee> committees = register.committeesOf(register.committeeEstates(actor.scope()));
		return new Overview(register.coverage(actor.scope()), register.stewards(actor.scope()), committees.size(),
				committees.stream().filter(Committee::red).count(), register.figures(actor.scope()));
	}

	/** The estates under contract today in the caller's scope: what an inspector may inspect. */
	@Transactional(readOnly = true)
	public List<Contract> running(Actor actor) {
		requireDesk(actor);
		LocalDate today = LocalDate.now(clock.withZone(zone));
		return register.contracts(actor.scope(), LIMIT).stream().filter(k -> k.runsOn(today)).toList();
	}

	/** The committees of the caller's scope. */
	@Transactional(readOnly = true)
	public List<Committee> committees(Actor actor) {
		requireDesk(actor);
		return register.committeesOf(register.committeeEstates(actor.scope()));
	}

	static void requireDesk(Actor actor) {
		if (!actor.hasAny(PropertyRoles.DESK)) {
			throw new DomainException(Category.FORBIDDEN, "FORBIDDEN", "problem.forbidden");
		}
	}

	private double[] position(DataScope scope, UUID estateId) {
		return places.buildingsOfEstate(scope, estateId).stream()
			.map(BuildingOverview::building)
			.filter(b -> b.lat() != null && b.lng() != null)
			.findFirst()
			.map((Building b) -> new double[] { b.lat(), b.lng() })
			.orElse(null);
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
