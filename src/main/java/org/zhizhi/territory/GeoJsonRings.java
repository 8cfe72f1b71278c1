package org.zhizhi.territory;

import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateArrays;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.locationtech.jts.precision.GeometryPrecisionReducer;

/**
 * A boundary as RFC 7946 GeoJSON for the files and maps the platform hands out: WGS 84 longitude/latitude with at most
 * seven decimals (about a centimetre: more is noise a GIS warns about), exterior rings counter-clockwise and holes
 * clockwise (the right-hand rule of §3.1.6), no position repeated next to itself (rounding can make two equal), each
 * ring closed. Boundaries are stored as they were imported; this is how they leave.
 */
public final class GeoJsonRings {

	static final int DECIMALS = 7;

	private static final PrecisionModel SEVEN_DECIMALS = new PrecisionModel(Math.pow(10, DECIMALS));

	private GeoJsonRings() {
	}

	/** The stored boundary's GeoJSON geometry, written by RFC 7946's rules. */
	public static String rfc7946(String storedGeoJson) {
		return write(Boundaries.parse(storedGeoJson));
	}

	static String write(Geometry boundary) {
		// rounded as a whole, so that a ring that rounding would fold onto itself stays a valid polygon
		Geometry rounded = GeometryPrecisionReducer.reduce(boundary, SEVEN_DECIMALS);
		GeoJsonWriter writer = new GeoJsonWriter(DECIMALS);
		writer.setEncodeCRS(false);
		return writer.write(rightHanded(rounded));
	}

	private static Geometry rightHanded(Geometry geometry) {
		if (geometry instanceof Polygon polygon) {
			return rightHanded(polygon);
		}
		if (geometry instanceof MultiPolygon multi) {
			Polygon[] polygons = new Polygon[multi.getNumGeometries()];
			for (int i = 0; i < polygons.length; i++) {
				polygons[i] = rightHanded((Polygon) multi.getGeometryN(i));
			}
			return multi.getFactory().createMultiPolygon(polygons);
		}
		return geometry;
	}

	private static Polygon rightHanded(Polygon polygon) {
		LinearRing shell = ring(polygon, polygon.getExteriorRing(), true);
		LinearRing[] holes = new LinearRing[polygon.getNumInteriorRing()];
		for (int i = 0; i < holes.length; i++) {
			holes[i] = ring(polygon, polygon.getInteriorRingN(i), false);
		}
		return polygon.getFactory().createPolygon(shell, holes);
	}

	private static LinearRing ring(Polygon owner, LinearRing ring, boolean counterClockwise) {
		Coordinate[] points = CoordinateArrays.removeRepeatedPoints(ring.getCoordinates());
		if (Orientation.isCCW(points) != counterClockwise) {
			CoordinateArrays.reverse(points);
		}
		return owner.getFactory().createLinearRing(points);
	}
}
