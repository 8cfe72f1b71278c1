package org.zhizhi.command;

import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.zhizhi.command.EmergencyCommands.DrawnArea;
import org.zhizhi.shared.DomainException.FieldProblem;

/**
 * The rules a drawn area obeys before it is turned into grids: a GeoJSON Polygon of one ring (no holes: the leader
 * draws around the place, he does not cut one out), at least three points not on one line, at most
 * {@value #MAX_POINTS}, each a WGS-84 longitude/latitude, and edges that do not cross (a figure eight has no
 * inside to call). The ring closes itself; a point repeated next to itself counts once. Pure JTS, no Spring.
 */
public final class EmergencyArea {

	/** A hand-drawn area has a few dozen points; thousands are a file pasted in, not a drawing. */
	public static final int MAX_POINTS = 200;

	static final String FIELD = "area";

	private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

	private EmergencyArea() {
	}

	/** The polygon drawn, or null with the reason added to {@code problems} (field {@code area}). */
	public static Polygon read(DrawnArea area, List<FieldProblem> problems) {
		if (area == null || !"Polygon".equals(area.type()) || area.coordinates() == null
				|| area.coordinates().size() != 1 || area.coordinates().getFirst() == null) {
			problems.add(new FieldProblem(FIELD, "command.emergencyAreaUnreadable"));
			return null;
		}
		List<Coordinate> ring = new ArrayList<>();
		for (List<Double> position : area.coordinates().getFirst()) {
			if (position == null || position.size() < 2 || position.get(0) == null || position.get(1) == null) {
				problems.add(new FieldProblem(FIELD, "command.emergencyAreaUnreadable"));
				return null;
			}
			double lng = position.get(0);
			double lat = position.get(1);
			if (!(lng >= -180 && lng <= 180 && lat >= -90 && lat <= 90)) {
				problems.add(new FieldProblem(FIELD, "command.emergencyAreaOutOfRange"));
				return null;
			}
			Coordinate c = new Coordinate(lng, lat);
			if (ring.isEmpty() || !ring.getLast().equals2D(c)) {
				ring.add(c);
			}
		}
		if (ring.size() > 1 && ring.getFirst().equals2D(ring.getLast())) {
			ring.removeLast();
		}
		if (ring.size() > MAX_POINTS) {
			problems.add(new FieldProblem(FIELD, "command.emergencyAreaTooManyPoints", MAX_POINTS));
			return null;
		}
		if (ring.size() < 3) {
			problems.add(new FieldProblem(FIELD, "command.emergencyAreaTooFewPoints"));
			return null;
		}
		if (onOneLine(ring)) {
			problems.add(new FieldProblem(FIELD, "command.emergencyAreaTooFewPoints"));
			return null;
		}
		ring.add(ring.getFirst().copy());
		Polygon polygon = WGS84.createPolygon(ring.toArray(Coordinate[]::new));
		if (!polygon.isValid()) {
			problems.add(new FieldProblem(FIELD, "command.emergencyAreaCrossing"));
			return null;
		}
		return polygon;
	}

	/** Whether every point lies on the line through the first two: a drawing with no inside. */
	private static boolean onOneLine(List<Coordinate> ring) {
		for (int i = 2; i < ring.size(); i++) {
			if (Orientation.index(ring.get(0), ring.get(1), ring.get(i)) != Orientation.COLLINEAR) {
				return false;
			}
		}
		return true;
	}

	/** The polygon as a GeoJSON geometry, as it is stored with the whistle and drawn on its board. */
	public static String geoJson(Polygon polygon) {
		GeoJsonWriter writer = new GeoJsonWriter(7);
		writer.setEncodeCRS(false);
		return writer.write(polygon);
	}
}
