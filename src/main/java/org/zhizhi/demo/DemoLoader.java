package org.zhizhi.demo;

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
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DemoMode;
import org.zhizhi.shared.Role;
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

	DemoLoader(DemoMode demoMode, TerritoryManagement territory, OrgUnitQueries orgUnits, AccountManagement accounts,
			AccountQueries accountQueries, TransactionTemplate transaction, PlaceManagement places,
			GridTeams gridTeams, PartyManagement party, PlaceQueries placeQueries) {
		this.party = party;
		this.placeQueries = placeQueries;
		this.gridTeams = gridTeams;
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
				id = territory.add(new NewOrgUnit(ids.get(node.parentKey()), node.level(), node.name(), node.code(),
						node.kind(), node.boundary())).id();
			}
			ids.put(node.key(), id);
		}
		long placesStarted = System.nanoTime();
		// the places go through the same commands as a system admin's, acting for the installation itself
		Actor loader = new Actor(new UUID(0, 0), "demo", "demo", Set.of(Role.SYSTEM_ADMIN), whole);
		DemoPlaces.load(places, loader, nodes, ids);
		log.info("Demo places loaded in {} ms", (System.nanoTime() - placesStarted) / 1_000_000);
		long partyStarted = System.nanoTime();
		DemoParty.load(party, placeQueries, loader, ids);
		log.info("Demo party organisations loaded in {} ms", (System.nanoTime() - partyStarted) / 1_000_000);
		Map<String, DemoGridTeams.KnownWorker> workers = new HashMap<>();
		for (DemoAccounts.DemoAccount account : DemoAccounts.ALL) {
			UUID accountId = accounts.bootstrap(new CreateAccount(account.username(), account.displayName(),
					DemoAccounts.PASSWORD, account.roles(), ids.get(account.nodeKey()), account.position()), false).id();
			if (account.position() != null && account.nodeKey().startsWith("dongcheng-g")) {
				int grid = Integer.parseInt(account.nodeKey().substring("dongcheng-g".length()));
				TeamPosition position = TeamPosition.valueOf(account.position().name());
				workers.put(DemoGridTeams.key(grid, position),
						new DemoGridTeams.KnownWorker(grid, position, account.displayName(), accountId));
			}
		}
		for (int grid = 1; ids.containsKey("dongcheng-g" + grid); grid++) {
			for (NewTeamMember member : DemoGridTeams.of(grid, workers)) {
				gridTeams.bootstrap(ids.get("dongcheng-g" + grid), member);
			}
		}
	}
}
