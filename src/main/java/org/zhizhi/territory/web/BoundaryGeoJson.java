package org.zhizhi.territory.web;

import java.util.List;

import org.zhizhi.territory.GeoJsonRings;
import org.zhizhi.territory.OrgUnit;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Boundaries as GeoJSON files (RFC 7946, {@link GeoJsonRings}): a FeatureCollection of nodes, with id, name, code, kind
 * and level as properties.
 */
final class BoundaryGeoJson {

	static final String MEDIA_TYPE = "application/geo+json";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private BoundaryGeoJson() {
	}

	static String featureCollection(List<OrgUnit> units) {
		ObjectNode collection = JSON.createObjectNode();
		collection.put("type", "FeatureCollection");
		ArrayNode features = collection.putArray("features");
		for (OrgUnit unit : units) {
			if (unit.boundary() != null) {
				features.add(featureNode(unit));
			}
		}
		return JSON.writeValueAsString(collection);
	}

	static String feature(OrgUnit unit) {
		return JSON.writeValueAsString(featureNode(unit));
	}

	private static ObjectNode featureNode(OrgUnit unit) {
		ObjectNode feature = JSON.createObjectNode();
		feature.put("type", "Feature");
		feature.put("id", unit.id().toString());
		ObjectNode properties = feature.putObject("properties");
		properties.put("id", unit.id().toString());
		properties.put("name", unit.name());
		properties.put("code", unit.code());
		properties.put("kind", unit.kind());
		properties.put("level", unit.level().name());
		feature.set("geometry", JSON.readTree(GeoJsonRings.rfc7946(unit.boundary())));
		return feature;
	}

	/** A file name for a download: the node's code, which is ASCII and unique. */
	static String fileName(OrgUnit unit, String suffix) {
		return unit.code() + suffix + ".geojson";
	}
}
