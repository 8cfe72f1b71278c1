package org.zhizhi.party;

import java.util.UUID;

/** Found a party organisation serving a place (a street, community, grid or micro-grid; an estate; a building). */
public record NewPartyOrg(UUID parentId, String name, PartyLevel level, Boolean functional, Boolean temporary,
		UUID placeId) {
}
