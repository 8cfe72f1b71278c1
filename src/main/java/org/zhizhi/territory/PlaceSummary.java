package org.zhizhi.territory;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** The figures of a node or an estate: only those that apply to it and that some module counts. */
public record PlaceSummary(Map<ScopeCount, Long> counts) {

	public PlaceSummary {
		EnumMap<ScopeCount, Long> copy = new EnumMap<>(ScopeCount.class);
		copy.putAll(counts);
		counts = Collections.unmodifiableMap(copy);
	}

	public Long get(ScopeCount count) {
		return counts.get(count);
	}

	/** Keyed by JSON field name, in the order of {@link ScopeCount}. */
	public Map<String, Long> byFieldName() {
		Map<String, Long> named = new java.util.LinkedHashMap<>();
		counts.forEach((count, value) -> named.put(count.fieldName(), value));
		return named;
	}
}
