package org.zhizhi.territory;

import java.util.UUID;

/**
 * A district (区) was added to the tree. Published inside the transaction that adds it, so that a module keeping
 * per-district storage (its tables partitioned by district) can make it in the same transaction: the district is then
 * never visible without a place for its rows.
 */
public record DistrictCreated(UUID districtId, String code) {
}
