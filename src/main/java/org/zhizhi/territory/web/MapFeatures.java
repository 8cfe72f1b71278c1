package org.zhizhi.territory.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.zhizhi.territory.GeoJsonRings;
import org.zhizhi.territory.OrgUnit;

/**
 * What a node's map draws: the node itself and those of its children that have a boundary. Thymeleaf's JavaScript
 * inlining serialises the list, and the page parses each boundary's GeoJSON.
 */
record MapFeatures(UUID id, String name, String code, String kind, String role, String boundary) {

	static List<MapFeatures> of(OrgUnit node, List<OrgUnit> children) {
		List<MapFeatures> features = new ArrayList<>();
		if (node.boundary() != null) {
			features.add(of(node, "self"));
		}
		for (OrgUnit child : children) {
			if (child.boundary() != null) {
				features.add(of(child, "child"));
			}
		}
		return features;
	}

	private static MapFeatures of(OrgUnit unit, String role) {
		return new MapFeatures(unit.id(), unit.name(), unit.code(), unit.kind(), role,
				GeoJsonRings.rfc7946(unit.boundary()));
	}
}
