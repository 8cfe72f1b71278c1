package org.zhizhi.people;

import java.util.UUID;

/**
 * Where a signed-in resident lives, as other modules need it: his household (the unit that votes and co-signs in
 * deliberation), its dwelling and building, and whether it owns the dwelling. No name, no ID number.
 */
public record Home(UUID residentId, UUID householdId, UUID dwellingId, String dwellingLabel, UUID buildingId,
		Tenure tenure) {
}
