package org.zhizhi.shared;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * What a user may see: one node of the territory tree and everything below it. The node's materialised path
 * ({@code /<id>/<id>/…/}) is the prefix every scoped query binds as a parameter — never text spliced into SQL.
 */
public record DataScope(UUID orgUnitId, String path) implements Serializable {

	public DataScope {
		Objects.requireNonNull(orgUnitId, "orgUnitId");
		Objects.requireNonNull(path, "path");
		if (!path.startsWith("/") || !path.endsWith("/")) {
			throw new IllegalArgumentException("a scope path starts and ends with '/': " + path);
		}
	}

	/** Whether a node with the given path lies inside this scope (the node itself or below it). */
	public boolean covers(String otherPath) {
		return otherPath != null && otherPath.startsWith(path);
	}

	/** Whether another scope lies entirely inside this one. */
	public boolean covers(DataScope other) {
		return covers(other.path());
	}

	/**
	 * The district a row under this path belongs to — every table that grows with the population carries it (DESIGN.md):
	 * the second node of {@code /<city>/<district>/…/}, or the root itself for a path that stops at the city.
	 */
	public static UUID districtOf(String path) {
		String[] parts = path.split("/");
		return UUID.fromString(parts.length > 2 ? parts[2] : parts[1]);
	}

	/**
	 * The LIKE pattern for {@code path LIKE ?}. Paths are made of UUIDs and slashes only, so they hold no LIKE wildcard
	 * that would need escaping.
	 */
	public String likePattern() {
		return path + "%";
	}
}
