package org.zhizhi.servicepoint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.ItemBoundable;
import org.locationtech.jts.index.strtree.STRtree;
import org.zhizhi.shared.GeoPoint;

/**
 * The 15-minute service circle, computed: for every place where people live (a building: its dwellings share its
 * position), the walking time to the nearest service point offering each kind of service, and per community and grid
 * the share of dwellings within the circle.
 *
 * <p>Walking time = straight-line distance × detour factor ÷ walking speed — streets are not straight, and the factor
 * (1.3 by default) stands for their detour without a street network the platform does not have. Distances are taken on
 * a local flat projection around the district's mean latitude (an error well under 0.1 % over a district's tens of
 * kilometres). The nearest point of a kind is found in a JTS {@link STRtree} of the points offering it — a query is
 * logarithmic in the points, so a district of 400,000 dwellings and 500 points is a few hundred thousand look-ups,
 * not 200 million distance computations. No Spring, no SQL.
 */
public final class CoverageMap {

	/** Any point, whatever it offers: the headline figure. */
	public static final String ANY = "*";

	/** How walking time is reckoned and what counts as inside the circle. */
	public record Method(double detourFactor, double metresPerMinute, double circleMinutes) {

		public double minutes(double straightMetres) {
			return straightMetres * detourFactor / metresPerMinute;
		}
	}

	/** A place where people live: a building with its dwellings, in a community and a grid. */
	public record Place(UUID id, double lat, double lng, int dwellings, UUID communityId, UUID gridId) {
	}

	/** A service point and the kinds of service it offers. */
	public record Site(UUID id, double lat, double lng, Set<String> services) {
	}

	/** The nearest point of a kind from a place, and the walk to it (null minutes: no point of that kind at all). */
	public record Reach(UUID placeId, String kind, Double minutes, UUID siteId) {
	}

	/** An area's dwellings and how many of them lie within the circle, for one kind of service (or {@link #ANY}). */
	public record AreaFigure(UUID areaId, boolean community, String kind, int dwellings, int within) {
	}

	public record Result(List<Reach> reaches, List<AreaFigure> areas) {
	}

	private record Located(Site site, double x, double y) {
	}

	private CoverageMap() {
	}

	/** Every place's walk to the nearest point of each kind (and of any kind), and the figures of every area. */
	public static Result compute(List<Place> places, List<Site> sites, List<String> kinds, Method method) {
		double lat0 = places.stream().mapToDouble(Place::lat).average().orElse(0);
		double kx = Math.toRadians(1) * GeoPoint.EARTH_RADIUS_M * Math.cos(Math.toRadians(lat0));
		double ky = Math.toRadians(1) * GeoPoint.EARTH_RADIUS_M;
		List<String> all = new ArrayList<>();
		all.add(ANY);
		all.addAll(kinds);
		Map<String, STRtree> trees = new LinkedHashMap<>();
		for (String kind : all) {
			STRtree tree = new STRtree();
			for (Site site : sites) {
				if (ANY.equals(kind) || site.services().contains(kind)) {
					double x = site.lng() * kx;
					double y = site.lat() * ky;
					tree.insert(new Envelope(x, x, y, y), new Located(site, x, y));
				}
			}
			tree.build();
			trees.put(kind, tree);
		}
		List<Reach> reaches = new ArrayList<>(places.size() * all.size());
		// areas numbered once, counts in arrays per kind: no key built per walk
		Map<UUID, Integer> communities = new LinkedHashMap<>();
		Map<UUID, Integer> grids = new LinkedHashMap<>();
		for (Place place : places) {
			communities.putIfAbsent(place.communityId(), communities.size());
			grids.putIfAbsent(place.gridId(), grids.size());
		}
		int[][] communityCounts = new int[all.size()][2 * communities.size()];
		int[][] gridCounts = new int[all.size()][2 * grids.size()];
		for (Place place : places) {
			int c = 2 * communities.get(place.communityId());
			int g = 2 * grids.get(place.gridId());
			double x = place.lng() * kx;
			double y = place.lat() * ky;
			Envelope at = new Envelope(x, x, y, y);
			for (int k = 0; k < all.size(); k++) {
				String kind = all.get(k);
				STRtree tree = trees.get(kind);
				Double minutes = null;
				UUID siteId = null;
				if (!tree.isEmpty()) {
					Located nearest = (Located) tree.nearestNeighbour(at, null,
							(a, b) -> distance((ItemBoundable) a, (ItemBoundable) b));
					minutes = method.minutes(Math.hypot(nearest.x() - x, nearest.y() - y));
					siteId = nearest.site().id();
				}
				reaches.add(new Reach(place.id(), kind, minutes, siteId));
				boolean within = minutes != null && minutes <= method.circleMinutes();
				communityCounts[k][c] += place.dwellings();
				gridCounts[k][g] += place.dwellings();
				if (within) {
					communityCounts[k][c + 1] += place.dwellings();
					gridCounts[k][g + 1] += place.dwellings();
				}
			}
		}
		List<AreaFigure> areas = new ArrayList<>(all.size() * (communities.size() + grids.size()));
		for (int k = 0; k < all.size(); k++) {
			String kind = all.get(k);
			for (Map.Entry<UUID, Integer> e : communities.entrySet()) {
				areas.add(new AreaFigure(e.getKey(), true, kind, communityCounts[k][2 * e.getValue()],
						communityCounts[k][2 * e.getValue() + 1]));
			}
			for (Map.Entry<UUID, Integer> e : grids.entrySet()) {
				areas.add(new AreaFigure(e.getKey(), false, kind, gridCounts[k][2 * e.getValue()],
						gridCounts[k][2 * e.getValue() + 1]));
			}
		}
		return new Result(reaches, areas);
	}

	/** The query's item is null: the distance is from the query's envelope (a point) to the site. */
	private static double distance(ItemBoundable a, ItemBoundable b) {
		Envelope ea = (Envelope) a.getBounds();
		Envelope eb = (Envelope) b.getBounds();
		return Math.hypot(ea.getMinX() - eb.getMinX(), ea.getMinY() - eb.getMinY());
	}
}
