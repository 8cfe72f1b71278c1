package org.zhizhi.territory;

import java.util.UUID;

import org.zhizhi.shared.DataScope;

/**
 * One node of the management tree as other modules see it.
 *
 * @param kind street SUBDISTRICT/TOWN, community URBAN/VILLAGE, grid RESIDENTIAL/PARK; empty where it does not apply
 * @param path the materialised path of ids from the root, {@code /<root>/…/<id>/}
 * @param boundary the GeoJSON geometry (WGS-84) of grids and micro-grids, {@code null} where none is drawn
 */
public record OrgUnit(UUID id, UUID parentId, OrgLevel level, String name, String code, String kind, String path,
		UUID districtId, String boundary) {

	/** The data scope of a user bound to this node. */
	public DataScope scope() {
		return new DataScope(id, path);
	}
}
