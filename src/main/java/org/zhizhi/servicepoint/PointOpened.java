package org.zhizhi.servicepoint;

import java.util.UUID;

/** A service point was set up: its district's 15-minute circle is computed again. */
public record PointOpened(UUID pointId, UUID districtId) {
}
