package org.zhizhi.partnership;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.partnership.meeting.CommunityPartners;
import org.zhizhi.partnership.persistence.JdbcPartners;

/** The partner units a joint meeting or activity may name: the units of its own community, and no other. */
@Component
@Transactional(readOnly = true)
class MeetingPartnerUnits implements CommunityPartners {

	private final JdbcPartners partners;

	MeetingPartnerUnits(JdbcPartners partners) {
		this.partners = partners;
	}

	@Override
	public Optional<String> nameOf(UUID communityId, UUID partnerId) {
		if (communityId == null || partnerId == null) {
			return Optional.empty();
		}
		return partners.partnerName(communityId, partnerId);
	}

	@Override
	public Optional<LiaisonUnit> unitOfLiaison(UUID accountId) {
		return partners.partnerOfLiaison(accountId).flatMap(partner -> {
			UUID community = partners.partnerScope(partner).orgUnitId();
			return partners.partnerName(community, partner).map(name -> new LiaisonUnit(partner, community, name));
		});
	}
}
