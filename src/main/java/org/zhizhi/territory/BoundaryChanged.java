package org.zhizhi.territory;

import java.util.UUID;

/** The boundary of a grid or micro-grid was replaced. */
public record BoundaryChanged(UUID orgUnitId) {
}
