package org.zhizhi.territory;

import java.util.UUID;

/** A node to add under an existing one. {@code kind} and {@code boundary} (GeoJSON) may be {@code null}. */
public record NewOrgUnit(UUID parentId, OrgLevel level, String name, String code, String kind, String boundary) {
}
