package org.zhizhi.party;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The five-level chain of one estate: 社区党委 — 小区(网格)党支部 — 楼栋党小组 — 党员中心户 — 居民, with the count at each
 * level and the gaps — buildings no party group covers and buildings no hub household serves.
 * <p>
 * A committee belongs to the chain when it serves the estate's community; a branch when it serves the estate, one of
 * its buildings, or a grid or micro-grid one of its buildings stands in; a group covers a building when it serves the
 * building itself or the grid or micro-grid the building stands in.
 *
 * @param residents residents of the estate as the people module counts them; {@code null} when nobody counts them
 */
public record PartyChain(UUID estateId, List<PartyOrg> committees, List<PartyOrg> branches, List<PartyOrg> groups,
		List<HubHousehold> hubs, Long residents, List<BuildingLink> buildings) {

	/** One building of the estate as the chain reaches it. */
	public record ChainBuilding(UUID id, String name, UUID gridId, UUID microGridId, String gridName, long dwellings) {
	}

	/** A building's link in the chain: the groups that cover it and the hub households that serve it. */
	public record BuildingLink(ChainBuilding building, List<PartyOrg> groups, List<HubHousehold> hubs) {

		public boolean noGroup() {
			return groups.isEmpty();
		}

		public boolean noHub() {
			return hubs.isEmpty();
		}
	}

	/** The count at each of the five levels, in chain order. */
	public record Level(String key, Long count) {
	}

	public PartyChain {
		committees = List.copyOf(committees);
		branches = List.copyOf(branches);
		groups = List.copyOf(groups);
		hubs = List.copyOf(hubs);
		buildings = List.copyOf(buildings);
	}

	/**
	 * Puts the chain together from the estate's buildings and the organisations and hubs that may belong to it; those
	 * that do not are left out.
	 */
	public static PartyChain of(UUID estateId, UUID communityId, List<ChainBuilding> buildings, List<PartyOrg> orgs,
			List<HubHousehold> hubs, Long residents) {
		Set<UUID> buildingIds = buildings.stream().map(ChainBuilding::id).collect(Collectors.toSet());
		Set<UUID> areas = buildings.stream()
			.flatMap(b -> Stream.of(b.gridId(), b.microGridId()))
			.filter(Objects::nonNull)
			.collect(Collectors.toSet());
		List<PartyOrg> committees = orgs.stream()
			.filter(o -> (o.level() == PartyLevel.COMMITTEE || o.level() == PartyLevel.WORKING_COMMITTEE)
					&& o.placeId().equals(communityId))
			.toList();
		List<PartyOrg> branches = orgs.stream()
			.filter(o -> o.level().isBranch() && (estateId.equals(o.estateId()) || buildingIds.contains(o.placeId())
					|| areas.contains(o.placeId())))
			.toList();
		Map<UUID, List<PartyOrg>> groupsByBuilding = new LinkedHashMap<>();
		Map<UUID, List<HubHousehold>> hubsByBuilding = new LinkedHashMap<>();
		List<BuildingLink> links = new ArrayList<>();
		for (ChainBuilding building : buildings) {
			List<PartyOrg> covering = orgs.stream()
				.filter(o -> o.level() == PartyLevel.GROUP && (o.placeId().equals(building.id())
						|| o.placeId().equals(building.gridId()) || o.placeId().equals(building.microGridId())))
				.toList();
			List<HubHousehold> serving = hubs.stream().filter(h -> h.buildingIds().contains(building.id())).toList();
			groupsByBuilding.put(building.id(), covering);
			hubsByBuilding.put(building.id(), serving);
			links.add(new BuildingLink(building, covering, serving));
		}
		List<PartyOrg> groups = groupsByBuilding.values().stream().flatMap(List::stream).distinct().toList();
		List<HubHousehold> servingHubs = hubsByBuilding.values().stream().flatMap(List::stream).distinct().toList();
		return new PartyChain(estateId, committees, branches, groups, servingHubs, residents, links);
	}

	public List<Level> levels() {
		return List.of(new Level("committees", (long) committees.size()), new Level("branches", (long) branches.size()),
				new Level("groups", (long) groups.size()), new Level("hubs", (long) hubs.size()),
				new Level("residents", residents));
	}

	public List<BuildingLink> buildingsWithoutGroup() {
		return buildings.stream().filter(BuildingLink::noGroup).toList();
	}

	public List<BuildingLink> buildingsWithoutHub() {
		return buildings.stream().filter(BuildingLink::noHub).toList();
	}
}
