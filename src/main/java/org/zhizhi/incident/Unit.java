package org.zhizhi.incident;

import java.util.UUID;

/**
 * A unit that answers whistles, serving an org unit (district, street or community) and everything below it.
 *
 * @param scopePath the path of the org unit it serves; it may be sent incidents under that path only
 */
public record Unit(UUID id, String code, String name, UnitKind kind, UUID orgUnitId, String scopePath,
		boolean active) {
}
