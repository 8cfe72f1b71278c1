package org.zhizhi.incident;

import java.util.UUID;

/**
 * A co-unit's part of a tough whistle: the unit and its task. Whether the unit serves the place, is named twice or
 * has its task is checked with the lead unit by {@link IncidentDispatch}, all rows together.
 */
public record CoUnitTask(UUID unitId, String task) {
}
