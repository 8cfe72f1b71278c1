package org.zhizhi.territory;

import java.util.UUID;

import org.zhizhi.shared.DataScope;

/**
 * A dwelling as other modules hold it: where it is in the tree and what to call it. Households (module people) point
 * at a dwelling and copy its {@code scopePath} — the path of its micro-grid — so that they are scoped like it.
 *
 * @param label how people say it: estate, building, entrance and room, e.g. "钱佳花园 3栋 2单元 301"
 */
public record DwellingRef(UUID id, UUID buildingId, UUID estateId, UUID communityId, UUID gridId, UUID microGridId,
		String scopePath, String label) {

	/** The scope of the dwelling's micro-grid, which is what the dwelling (and its households) are scoped by. */
	public DataScope scope() {
		return new DataScope(microGridId, scopePath);
	}
}
