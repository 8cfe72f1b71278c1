package org.zhizhi.party;

import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.zhizhi.party.persistence.JdbcParty;
import org.zhizhi.shared.DataScope;
import org.zhizhi.territory.ScopeCount;
import org.zhizhi.territory.ScopeCountContributor;

/**
 * Adds party organisations, active members and hub households to the summaries of nodes and estates. An estate's
 * figures are those attached to the estate or its buildings.
 */
@Component
class PartyCountContributor implements ScopeCountContributor {

	private final JdbcParty party;

	PartyCountContributor(JdbcParty party) {
		this.party = party;
	}

	@Override
	public Map<ScopeCount, Long> countWithin(DataScope scope) {
		return figures(party.counts(scope));
	}

	@Override
	public Map<ScopeCount, Long> countInEstate(DataScope scope, UUID estateId) {
		return figures(party.countsInEstate(scope, estateId));
	}

	private static Map<ScopeCount, Long> figures(long[] counts) {
		Map<ScopeCount, Long> figures = new EnumMap<>(ScopeCount.class);
		figures.put(ScopeCount.PARTY_ORGS, counts[0]);
		figures.put(ScopeCount.PARTY_MEMBERS, counts[1]);
		figures.put(ScopeCount.HUB_HOUSEHOLDS, counts[2]);
		return figures;
	}
}
