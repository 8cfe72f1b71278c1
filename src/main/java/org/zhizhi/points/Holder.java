package org.zhizhi.points;

import java.util.UUID;

/** Who earns or spends: his platform account (or team, or sponsor), his name, and where he belongs. */
public record Holder(UUID id, String name, String scopePath, UUID districtId) {
}
