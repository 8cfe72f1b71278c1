package org.zhizhi.people;

import java.util.UUID;

/** A household living in a dwelling now, as a count of households concerned by something needs it: no person in it. */
public record HouseholdUnit(UUID householdId, UUID dwellingId, String dwellingLabel, UUID buildingId, Tenure tenure) {
}
