package org.zhizhi.shared;

import java.time.ZoneId;

/**
 * The zone the platform reads local dates and times in. Beans inject the {@link ZoneId} bean, configured by
 * {@code zhizhi.zone} (default below); only code without a Spring context — the demo district's fixed history, tests —
 * uses {@link #DEFAULT} directly.
 */
public final class PlatformZone {

	/** Chongqing keeps Beijing time: {@code Asia/Shanghai}, the default of {@code zhizhi.zone}. */
	public static final ZoneId DEFAULT = ZoneId.of("Asia/Shanghai");

	private PlatformZone() {
	}
}
