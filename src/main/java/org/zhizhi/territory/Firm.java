package org.zhizhi.territory;

import java.util.UUID;

/** A firm served by an industrial-park grid. */
public record Firm(UUID id, UUID gridId, String name, Industry industry, Integer employees) {

	public enum Industry {
		BIOMEDICINE, MEDICAL_DEVICES, FOOD_PROCESSING, LIGHT_TEXTILE, OTHER
	}
}
