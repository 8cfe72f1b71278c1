package org.zhizhi.territory;

import java.util.List;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;

/**
 * The rules a grid boundary obeys: a valid WGS-84 polygon, inside its parent's boundary, and overlapping none of its
 * siblings (sharing an edge is fine — neighbouring grids do). Pure JTS, no Spring.
 */
public final class Boundaries {

	/** WGS-84 longitude/latitude, SRID 4326. */
	static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

	private static final Envelope WORLD = new Envelope(-180, 180, -90, 90);

	/** About 1 cm at Chongqing's latitude: rounding in a GeoJSON file must not make a grid "leave" its parent. */
	private static final double TOLERANCE_DEGREES = 1e-7;

	private Boundaries() {
	}

	public static Geometry parse(String geoJson) {
		Geometry geometry;
		try {
			geometry = new GeoJsonReader(WGS84).read(geoJson);
		}
		catch (ParseException | RuntimeException e) {
			throw invalid("BOUNDARY_UNREADABLE", "territory.boundary.unreadable");
		}
		// a FeatureCollection (or GeometryCollection) of exactly one feature, as GIS tools export one shape
		if (geometry != null && geometry.getClass() == GeometryCollection.class && geometry.getNumGeometries() == 1) {
			geometry = geometry.getGeometryN(0);
		}
		if (!(geometry instanceof Polygon || geometry instanceof MultiPolygon)) {
			throw invalid("BOUNDARY_NOT_POLYGON", "territory.boundary.notPolygon");
		}
		if (geometry.isEmpty() || !geometry.isValid()) {
			throw invalid("BOUNDARY_INVALID", "territory.boundary.invalid");
		}
		if (!WORLD.covers(geometry.getEnvelopeInternal())) {
			throw invalid("BOUNDARY_OUT_OF_RANGE", "territory.boundary.outOfRange");
		}
		return geometry;
	}

	public static String write(Geometry geometry) {
		GeoJsonWriter writer = new GeoJsonWriter(8);
		writer.setEncodeCRS(false);
		return writer.write(geometry);
	}

	/** Rejects a boundary that leaves its parent's or overlaps a sibling's. */
	public static void checkPlacement(String name, Geometry boundary, Geometry parentBoundary,
			List<Sibling> siblings) {
		if (parentBoundary != null && !parentBoundary.buffer(TOLERANCE_DEGREES).covers(boundary)) {
			throw new DomainException(Category.INVALID, "BOUNDARY_OUTSIDE_PARENT", "territory.boundary.outsideParent",
					name);
		}
		for (Sibling sibling : siblings) {
			// interiors meeting in an area; shared edges and corners are allowed
			if (boundary.relate(sibling.boundary(), "2********")
					&& boundary.intersection(sibling.boundary()).getArea() > TOLERANCE_DEGREES * TOLERANCE_DEGREES) {
				throw new DomainException(Category.INVALID, "BOUNDARY_OVERLAPS_SIBLING",
						"territory.boundary.overlapsSibling", name, sibling.name());
			}
		}
	}

	/** Rejects a new boundary of a node that would leave one of its own children (micro-grids) outside it. */
	public static void checkChildren(String name, Geometry boundary, List<Sibling> children) {
		Geometry tolerant = boundary.buffer(TOLERANCE_DEGREES);
		for (Sibling child : children) {
			if (!tolerant.covers(child.boundary())) {
				throw new DomainException(Category.INVALID, "BOUNDARY_LEAVES_CHILD", "territory.boundary.leavesChild",
						name, child.name());
			}
		}
	}

	public record Sibling(String name, Geometry boundary) {
	}

	private static DomainException invalid(String code, String key) {
		return new DomainException(Category.INVALID, code, key);
	}
}
