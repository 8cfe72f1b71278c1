package org.zhizhi.party;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhizhi.party.PartyChain.BuildingLink;
import org.zhizhi.party.PartyChain.ChainBuilding;

/** The chain of an estate: who belongs to which level, and which buildings the chain does not reach. */
class PartyChainTests {

	final UUID community = UUID.randomUUID();

	final UUID otherCommunity = UUID.randomUUID();

	final UUID estate = UUID.randomUUID();

	final UUID grid1 = UUID.randomUUID();

	final UUID grid2 = UUID.randomUUID();

	final UUID micro1 = UUID.randomUUID();

	final UUID micro2 = UUID.randomUUID();

	final ChainBuilding b1 = new ChainBuilding(UUID.randomUUID(), "1栋", grid1, micro1, "第1网格", 100);

	final ChainBuilding b2 = new ChainBuilding(UUID.randomUUID(), "2栋", grid1, micro1, "第1网格", 100);

	final ChainBuilding b3 = new ChainBuilding(UUID.randomUUID(), "3栋", grid2, micro2, "第2网格", 100);

	@Test
	void countsEachLevelAndNamesTheBuildingsWithoutGroupOrHub() {
		PartyOrg committee = org(PartyLevel.COMMITTEE, PlaceKind.COMMUNITY, community, null);
		PartyOrg branch = org(PartyLevel.BRANCH, PlaceKind.ESTATE, estate, estate);
		PartyOrg group = org(PartyLevel.GROUP, PlaceKind.BUILDING, b1.id(), estate);
		HubHousehold hub = hub(b1.id(), b3.id());

		PartyChain chain = PartyChain.of(estate, community, List.of(b1, b2, b3), List.of(committee, branch, group),
				List.of(hub), 250L);

		assertThat(chain.levels()).extracting(PartyChain.Level::count).containsExactly(1L, 1L, 1L, 1L, 250L);
		assertThat(names(chain.buildingsWithoutGroup())).containsExactly("2栋", "3栋");
		assertThat(names(chain.buildingsWithoutHub())).containsExactly("2栋");
	}

	@Test
	void aGroupOfTheGridOrMicroGridCoversEveryBuildingStandingInIt() {
		PartyOrg gridGroup = org(PartyLevel.GROUP, PlaceKind.GRID, grid1, null);
		PartyOrg microGroup = org(PartyLevel.GROUP, PlaceKind.MICRO_GRID, micro2, null);

		PartyChain chain = PartyChain.of(estate, community, List.of(b1, b2, b3), List.of(gridGroup, microGroup),
				List.of(), null);

		assertThat(chain.buildingsWithoutGroup()).isEmpty();
		assertThat(chain.groups()).containsExactly(gridGroup, microGroup);
		assertThat(chain.buildings().get(1).groups()).containsExactly(gridGroup);
		assertThat(names(chain.buildingsWithoutHub())).containsExactly("1栋", "2栋", "3栋");
		assertThat(chain.levels().get(4).count()).as("residents nobody counted").isNull();
	}

	@Test
	void leavesOutOrganisationsOfOtherPlacesAndCountsAGridBranchAsTheEstateBranch() {
		PartyOrg otherCommittee = org(PartyLevel.COMMITTEE, PlaceKind.COMMUNITY, otherCommunity, null);
		PartyOrg gridBranch = org(PartyLevel.BRANCH, PlaceKind.GRID, grid2, null);
		PartyOrg strayGroup = org(PartyLevel.GROUP, PlaceKind.GRID, UUID.randomUUID(), null);
		PartyOrg groupAsBranch = org(PartyLevel.GROUP, PlaceKind.ESTATE, estate, estate);

		PartyChain chain = PartyChain.of(estate, community, List.of(b1, b2, b3),
				List.of(otherCommittee, gridBranch, strayGroup, groupAsBranch), List.of(), 0L);

		assertThat(chain.committees()).isEmpty();
		assertThat(chain.branches()).containsExactly(gridBranch);
		assertThat(chain.groups()).isEmpty();
		assertThat(chain.buildingsWithoutGroup()).hasSize(3);
	}

	@Test
	void aHubServingTwoBuildingsIsCountedOnce() {
		HubHousehold hub = hub(b1.id(), b2.id());

		PartyChain chain = PartyChain.of(estate, community, List.of(b1, b2, b3), List.of(), List.of(hub), 0L);

		assertThat(chain.hubs()).containsExactly(hub);
		assertThat(names(chain.buildingsWithoutHub())).containsExactly("3栋");
	}

	private static List<String> names(List<BuildingLink> links) {
		return links.stream().map(l -> l.building().name()).toList();
	}

	private static PartyOrg org(PartyLevel level, PlaceKind kind, UUID placeId, UUID estateId) {
		return new PartyOrg(UUID.randomUUID(), null, level + "-" + placeId, level, false, false, kind, placeId, "place",
				estateId, kind == PlaceKind.BUILDING ? placeId : null, "/a/", 0, 0);
	}

	private static HubHousehold hub(UUID... buildings) {
		return new HubHousehold(UUID.randomUUID(), UUID.randomUUID(), "王伟", null, List.of(buildings));
	}
}
