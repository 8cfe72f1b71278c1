package org.zhizhi.party;

import java.util.UUID;

/**
 * A party organisation: its place in the party tree and the place it serves.
 *
 * @param estateId the estate served, directly or through one of its buildings; {@code null} for tree nodes
 * @param scopePath the served place's path (a building's is its micro-grid's, an estate's its community's)
 * @param members the members of this organisation itself
 * @param membersWithin the members of this organisation and of every one under it: a community's committee holds
 *        few members of its own, and "0" beside it read as an empty committee
 */
public record PartyOrg(UUID id, UUID parentId, String name, PartyLevel level, boolean functional, boolean temporary,
		PlaceKind placeKind, UUID placeId, String placeName, UUID estateId, UUID buildingId, String scopePath,
		long members, long membersWithin) {
}
