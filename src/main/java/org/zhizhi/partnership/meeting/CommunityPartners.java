package org.zhizhi.partnership.meeting;

import java.util.Optional;
import java.util.UUID;

/**
 * The partner units of a community, as meetings and activities name them (a UNIT with a {@code refId}). The partners
 * core implements it ({@code org.zhizhi.partnership.MeetingPartnerUnits}); the database holds such a reference to a
 * partner unit by a foreign key, so an id that is not one is refused here first, as a field error.
 */
public interface CommunityPartners {

	/** The name of the community's partner unit with this id; empty if the id names none of its units. */
	Optional<String> nameOf(UUID communityId, UUID partnerId);

	/** The unit an account is liaison of, with its community and name; empty for anyone else. */
	Optional<LiaisonUnit> unitOfLiaison(UUID accountId);

	/**
	 * A liaison's unit as meetings name it: by its id, or — for meetings recorded before units were referenced, as
	 * the demo's are — by its name in its own community.
	 */
	record LiaisonUnit(UUID partnerId, UUID communityId, String name) {
	}
}
