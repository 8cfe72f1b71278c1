package org.zhizhi.demo;

import org.zhizhi.incident.IncidentArchive;
import org.zhizhi.incident.Units;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhizhi.identity.AccountManagement;
import org.zhizhi.identity.AccountQueries;
import org.zhizhi.identity.CreateAccount;
import org.zhizhi.party.PartyManagement;
import org.zhizhi.people.PeopleManagement;
import org.zhizhi.people.PeopleViews.BulkHousehold;
import org.zhizhi.people.PeopleViews.BulkLoadResult;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DemoMode;
import org.zhizhi.shared.PlatformZone;
import org.zhizhi.shared.Role;
import org.zhizhi.territory.DwellingRef;
import org.zhizhi.territory.Estate;
import org.zhizhi.territory.BuildingHeads;
import org.zhizhi.territory.Firms;
import org.zhizhi.territory.GridTeams;
import org.zhizhi.territory.NewOrgUnit;
import org.zhizhi.territory.OrgLevel;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.OrgUnitQueries;
import org.zhizhi.territory.PlaceManagement;
import org.zhizhi.territory.PlaceQueries;
import org.zhizhi.territory.NewTeamMember;
import org.zhizhi.territory.TeamPosition;
import org.zhizhi.territory.TerritoryManagement;

/**
 * Loads the demo district on the first start in demo mode — through the same commands and checks as real data, and in
 * one transaction, so that an interrupted first start leaves nothing half-loaded and simply loads again next time.
 */
@Component
@Order(1)
class DemoLoader implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);

	private final DemoMode demoMode;

	private final TerritoryManagement territory;

	private final OrgUnitQueries orgUnits;

	private final AccountManagement accounts;

	private final AccountQueries accountQueries;

	private final TransactionTemplate transaction;

	private final PlaceManagement places;

	private final GridTeams gridTeams;

	private final PartyManagement party;

	private final PlaceQueries placeQueries;

	private final PeopleManagement people;

	private final Clock clock;

	private final BuildingHeads buildingHeads;

	private final Firms firms;

	private final Units units;

	private final IncidentArchive archive;

	private final org.zhizhi.partnership.PartnershipImports partnership;

	private final org.zhizhi.wish.WishHistory wishHistory;

	private final org.zhizhi.people.PeopleQueries peopleQueries;

	private final org.zhizhi.property.SelfRunHistory selfRunHistory;

	private final org.zhizhi.property.Disputes disputes;

	private final org.zhizhi.deliberation.DeliberationQueries deliberationQueries;

	private final org.zhizhi.deliberation.DeliberationHistory deliberation;

	private final org.zhizhi.deliberation.SelfGovernance selfGovernance;

	private final org.zhizhi.deliberation.DeliberationManagement deliberationSteps;

	private final org.zhizhi.people.ResidentAccounts residentAccounts;

	private final org.zhizhi.incident.IncidentQueries incidentQueries;

	private final org.zhizhi.points.PointsManagement points;

	private final org.zhizhi.points.PointsHistory pointsHistory;

	private final org.zhizhi.points.PointsClaims pointsClaims;

	private final org.zhizhi.party.PartyQueries partyQueries;

	private final org.zhizhi.volunteer.VolunteerHistory volunteerHistory;

	private final org.zhizhi.points.HonourBoards honours;

	private final org.zhizhi.volunteer.VolunteerPosts volunteerPosts;

	private final org.zhizhi.servicepoint.ServicePointHistory servicePointHistory;

	private final org.zhizhi.servicepoint.Coverage coverage;

	private final org.zhizhi.property.PropertyHistory propertyHistory;

	private final org.zhizhi.property.Inspections propertyInspections;

	private final DemoPartyLife.Services partyLife;

	DemoLoader(DemoMode demoMode, TerritoryManagement territory, OrgUnitQueries orgUnits, AccountManagement accounts,
			AccountQueries accountQueries, TransactionTemplate transaction, PlaceManagement places,
			GridTeams gridTeams, PartyManagement party, PlaceQueries placeQueries, PeopleManagement people,
			Clock clock, BuildingHeads buildingHeads, Firms firms, Units units, IncidentArchive archive,
			org.zhizhi.partnership.PartnershipImports partnership, org.zhizhi.wish.WishHistory wishHistory,
			org.zhizhi.people.PeopleQueries peopleQueries, org.zhizhi.property.SelfRunHistory selfRunHistory,
			org.zhizhi.property.Disputes disputes,
			org.zhizhi.deliberation.DeliberationQueries deliberationQueries,
			org.zhizhi.deliberation.DeliberationHistory deliberation,
			org.zhizhi.deliberation.SelfGovernance selfGovernance,
			org.zhizhi.deliberation.DeliberationManagement deliberationSteps,
			org.zhizhi.people.ResidentAccounts residentAccounts, org.zhizhi.incident.IncidentQueries incidentQueries,
			org.zhizhi.points.PointsManagement points, org.zhizhi.points.PointsHistory pointsHistory,
			org.zhizhi.points.PointsClaims pointsClaims, org.zhizhi.party.PartyQueries partyQueries,
			org.zhizhi.volunteer.VolunteerHistory volunteerHistory, org.zhizhi.points.HonourBoards honours,
			org.zhizhi.volunteer.VolunteerPosts volunteerPosts, org.zhizhi.party.DutyPosts dutyPosts,
			org.zhizhi.party.BranchMeetings branchMeetings, org.zhizhi.party.Appraisals appraisals,
			org.zhizhi.servicepoint.ServicePointHistory servicePointHistory, org.zhizhi.servicepoint.Coverage coverage,
			org.zhizhi.property.PropertyHistory propertyHistory, org.zhizhi.property.Inspections propertyInspections) {
		this.servicePointHistory = servicePointHistory;
		this.coverage = coverage;
		this.volunteerPosts = volunteerPosts;
		this.propertyHistory = propertyHistory;
		this.propertyInspections = propertyInspections;
		this.honours = honours;
		this.volunteerHistory = volunteerHistory;
		this.pointsHistory = pointsHistory;
		this.pointsClaims = pointsClaims;
		this.partyQueries = partyQueries;
		this.partyLife = new DemoPartyLife.Services(party, partyQueries, dutyPosts, branchMeetings, appraisals);
		this.residentAccounts = residentAccounts;
		this.points = points;
		this.incidentQueries = incidentQueries;
		this.selfGovernance = selfGovernance;
		this.deliberationSteps = deliberationSteps;
		this.peopleQueries = peopleQueries;
		this.selfRunHistory = selfRunHistory;
		this.disputes = disputes;
		this.deliberationQueries = deliberationQueries;
		this.deliberation = deliberation;
		this.partnership = partnership;
		this.wishHistory = wishHistory;
		this.units = units;
		this.archive = archive;
		this.buildingHeads = buildingHeads;
		this.firms = firms;
		this.party = party;
		this.gridTeams = gridTeams;
		this.placeQueries = placeQueries;
		this.people = people;
		this.clock = clock;
		this.demoMode = demoMode;
		this.places = places;
		this.territory = territory;
		this.orgUnits = orgUnits;
		this.accounts = accounts;
		this.accountQueries = accountQueries;
		this.transaction = transaction;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!demoMode.enabled() || !orgUnits.isEmpty() || !accountQueries.noAccountsYet()) {
			return;
		}
		long started = System.nanoTime();
		transaction.executeWithoutResult(status -> load());
		log.info("Demo district loaded in {} ms", (System.nanoTime() - started) / 1_000_000);
	}

	private void load() {
		Map<String, UUID> ids = new HashMap<>();
		Map<String, DataScope> scopes = new HashMap<>();
		List<DemoDistrict.Node> nodes = DemoDistrict.build();
		DataScope whole = null;
		for (DemoDistrict.Node node : nodes) {
			UUID id;
			if (node.level() == OrgLevel.CITY) {
				OrgUnit root = territory.ensureRoot(node.name(), node.code());
				whole = root.scope();
				id = root.id();
			}
			else {
				OrgUnit unit = territory.add(new NewOrgUnit(ids.get(node.parentKey()), node.level(), node.name(),
						node.code(), node.kind(), node.boundary()));
				id = unit.id();
				scopes.put(node.key(), unit.scope());
			}
			ids.put(node.key(), id);
		}
		long placesStarted = System.nanoTime();
		// the places go through the same commands as a system admin's, acting for the installation itself
		Actor loader = new Actor(new UUID(0, 0), "demo", "demo", Set.of(Role.SYSTEM_ADMIN), whole);
		DemoPlaces.load(places, loader, nodes, ids);
		int heads = DemoBuildingHeads.load(buildingHeads, placeQueries, whole);
		DemoFirms.load(firms, whole, ids);
		log.info("Demo places loaded in {} ms ({} building heads)", (System.nanoTime() - placesStarted) / 1_000_000,
				heads);
		long peopleStarted = System.nanoTime();
		BulkLoadResult loaded = loadPeople(scopes);
		log.info("Demo households and residents loaded in {} ms ({} households, {} residents, {} ledger roles)",
				(System.nanoTime() - peopleStarted) / 1_000_000, loaded.households(), loaded.residents(),
				loaded.ledgerRoles());
		long partyStarted = System.nanoTime();
		DemoParty.load(party, placeQueries, loader, ids);
		log.info("Demo party organisations loaded in {} ms", (System.nanoTime() - partyStarted) / 1_000_000);
		Map<String, DemoGridTeams.KnownWorker> workers = new HashMap<>();
		Map<String, UUID> accountIds = new HashMap<>();
		for (DemoAccounts.DemoAccount account : DemoAccounts.ALL) {
			UUID accountId = accounts.loadDemoAccount(new CreateAccount(account.username(), account.displayName(),
					DemoAccounts.PASSWORD, account.roles(), ids.get(account.nodeKey()), account.position())).id();
			accountIds.put(account.username(), accountId);
			if (account.position() != null && account.nodeKey().startsWith("dongcheng-g")) {
				int grid = Integer.parseInt(account.nodeKey().substring("dongcheng-g".length()));
				TeamPosition position = TeamPosition.valueOf(account.position().name());
				workers.put(DemoGridTeams.key(grid, position),
						new DemoGridTeams.KnownWorker(grid, position, account.displayName(), accountId));
			}
		}
		DemoResidentAccounts.bind(residentAccounts, peopleQueries, placeQueries, scopes.get("dongcheng-g1"), accountIds);
		for (int grid = 1; ids.containsKey("dongcheng-g" + grid); grid++) {
			for (NewTeamMember member : DemoGridTeams.of(grid, workers)) {
				gridTeams.bootstrap(ids.get("dongcheng-g" + grid), member);
			}
		}
		Map<String, org.zhizhi.incident.Unit> demoUnits = DemoUnits.load(units, orgUnits, ids, accountIds);
		long incidentsStarted = System.nanoTime();
		Map<String, org.locationtech.jts.geom.Geometry> grids = new HashMap<>();
		for (DemoDistrict.Node node : nodes) {
			if (node.level() == OrgLevel.GRID
					&& (node.key().startsWith("dongcheng-g") || node.key().startsWith("jinyinqiao-g"))) {
				grids.put(node.key(), DemoIncidents.boundary(node));
			}
		}
		int incidents = DemoIncidents.load(archive, loader,
				new DemoIncidents.Context(clock.instant(), accountIds, demoUnits, grids));
		log.info("Demo incidents imported in {} ms ({} incidents)", (System.nanoTime() - incidentsStarted) / 1_000_000,
				incidents);
		// ---- partnership: partner units, agreements, the three lists and their pledges ----
		DemoPartners.Counts partners = DemoPartners.load(partnership, orgUnits, ids, accountIds, clock);
		log.info("Demo partnership loaded ({} partner units, {} list items)", partners.partners(), partners.items());
		// ---- wishes (issue 5): a year of fulfilled micro-wishes and today's wish walls
		int wishes = DemoWishes.load(wishHistory, accountIds::get, id -> orgUnits.bindingOf(id).orElseThrow(), ids,
				clock.instant());
		log.info("Demo wishes loaded ({} wishes)", wishes);
		// ---- deliberation (issue 12): 新河街's 逢四说事 and its ¥10 decision, 东城社区's representatives, a 小哥圆桌会,
		// 长生雅苑's fire lane, and 6栋's lift turned from an incident into a topic
		DemoDeliberation.load(deliberation, placeQueries, ids, scopes, clock.instant(), PlatformZone.DEFAULT);
		DemoDeliberation.loadFireLane(deliberation, placeQueries, scopes, clock.instant(), PlatformZone.DEFAULT);
		DemoDeliberation.loadFromIncident(deliberation, incidentQueries, placeQueries, ids, scopes);
		DemoDeliberation.loadGovernance(selfGovernance, deliberationSteps, deliberation, placeQueries, scopes,
				clock.instant(), PlatformZone.DEFAULT);
		log.info("Demo deliberation loaded");
		// ---- points (issue 13): the seeds' schemes and their rules
		DemoPoints.Schemes schemes = DemoPoints.loadSchemes(points, ids, scopes, whole, clock.instant(),
				PlatformZone.DEFAULT);
		DemoPoints.loadHistory(schemes, pointsHistory, pointsClaims, partyQueries, honours, accountIds, scopes,
				clock.instant(), PlatformZone.DEFAULT);
		log.info("Demo points loaded");
		// ---- party organisational life (issue 17): duty posts and rosters, 三会一课 and 主题党日, 民主评议, assessment
		DemoPartyLife.load(partyLife, loader, ids, accountIds, clock.instant(), PlatformZone.DEFAULT);
		log.info("Demo party organisational life loaded");
		// ---- volunteering (issue 13): the seeds' teams and a year of their activities
		int activities = DemoVolunteer.load(volunteerHistory, volunteerPosts, placeQueries,
				id -> orgUnits.bindingOf(id).orElseThrow(),
				ids, scopes, accountIds, clock.instant(), PlatformZone.DEFAULT);
		int pairs = DemoPairings.load(volunteerHistory, peopleQueries, id -> orgUnits.bindingOf(id).orElseThrow(), ids,
				scopes, accountIds, clock.instant(), PlatformZone.DEFAULT);
		// the district at work the moment it is loaded: activities under way with volunteers checked in
		int onDuty = DemoOnDuty.load(volunteerHistory, placeQueries, id -> orgUnits.bindingOf(id).orElseThrow(), ids,
				scopes, clock.instant());
		log.info("Demo volunteering loaded ({} neighbourhood activities, {} pairings, {} volunteers on duty now)",
				activities, pairs, onDuty);
		// ---- service points and errands (issue 14), then each district's 15-minute circle
		DemoServicePoints.Loaded service = DemoServicePoints.load(servicePointHistory, placeQueries, peopleQueries,
				id -> orgUnits.bindingOf(id).orElseThrow(), ids, scopes, accountIds, clock.instant(),
				PlatformZone.DEFAULT);
		int covered = coverage.recompute(ids.get("banan")) + coverage.recompute(ids.get("nanan"));
		log.info("Demo service points loaded ({} points, {} errands, {} buildings in the 15-minute circle's map)",
				service.points(), service.errands(), covered);
		// ---- property (issue 14): 巴南's firms and figures, 华城国际's company, a year of inspections, a rectification
		int propertyCompanies = DemoProperty.load(propertyHistory, propertyInspections, placeQueries,
				id -> orgUnits.bindingOf(id).orElseThrow(), ids, whole, accountIds, clock.instant(),
				PlatformZone.DEFAULT);
		log.info("Demo property loaded ({} companies)", propertyCompanies);
		// ---- self-run estates (issue 14): 新河街's fees and books, 走马梁's 自管中心
		DemoSelfRun.load(selfRunHistory, deliberationQueries, placeQueries, scopes, accountIds, clock.instant(),
				PlatformZone.DEFAULT);
		DemoDisputes.load(disputes, placeQueries, scopes, clock.instant(), PlatformZone.DEFAULT);
		DemoSentinelSignals.load(disputes, placeQueries, scopes, clock.instant());
		log.info("Demo self-run estates loaded");
	}

	/**
	 * The residents of the demo estates, registered by the people module's bulk load — acting, like a district's data
	 * office, within the district of each estate — in one batch per district.
	 */
	private BulkLoadResult loadPeople(Map<String, DataScope> scopes) {
		DemoPeople generator = new DemoPeople(LocalDate.now(clock.withZone(PlatformZone.DEFAULT)));
		Map<String, List<BulkHousehold>> byDistrict = new java.util.LinkedHashMap<>();
		for (DemoPeople.EstatePeople plan : DemoPeople.ESTATES) {
			String district = DemoPeople.NANAN.equals(plan.homeArea()) ? "nanan" : "banan";
			List<DwellingRef> dwellings = dwellingsOf(scopes.get(district), plan.estate());
			for (DemoPeople.Household household : generator.householdsOf(plan, dwellings.size())) {
				byDistrict.computeIfAbsent(district, d -> new ArrayList<>()).add(bulk(household, dwellings));
			}
		}
		List<DwellingRef> flats = dwellingsOf(scopes.get("banan"), DemoPeople.WORKERS_ESTATE);
		for (DemoPeople.Household household : generator.workers(flats.size())) {
			byDistrict.computeIfAbsent("banan", d -> new ArrayList<>()).add(bulk(household, flats));
		}
		int households = 0;
		int residents = 0;
		int roles = 0;
		for (Map.Entry<String, List<BulkHousehold>> district : byDistrict.entrySet()) {
			Actor office = new Actor(new UUID(0, 0), "demo", "demo", Set.of(Role.DISTRICT_ADMIN),
					scopes.get(district.getKey()));
			BulkLoadResult result = people.bulkLoad(office, district.getValue());
			households += result.households();
			residents += result.residents();
			roles += result.ledgerRoles();
		}
		return new BulkLoadResult(households, residents, roles);
	}

	private static BulkHousehold bulk(DemoPeople.Household household, List<DwellingRef> dwellings) {
		return new BulkHousehold(dwellings.get(household.dwelling()), household.registered(), household.tenure(),
				household.movedIn(), household.members());
	}

	/** The estate's dwellings, building by building in name order and each building's in label order. */
	private List<DwellingRef> dwellingsOf(DataScope scope, String estateName) {
		Estate estate = placeQueries.estates(scope, estateName, null)
			.stream()
			.filter(e -> e.name().equals(estateName))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("demo estate missing: " + estateName));
		List<DwellingRef> dwellings = new ArrayList<>();
		placeQueries.buildingsOfEstate(scope, estate.id())
			.forEach(b -> dwellings.addAll(placeQueries.dwellingsOfBuilding(scope, b.building().id())));
		return dwellings;
	}
}
