package org.zhizhi.servicepoint;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.servicepoint.persistence.JdbcErrands;
import org.zhizhi.servicepoint.persistence.JdbcServicePoints;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.Ids;
import org.zhizhi.territory.OrgUnit;

/**
 * Past service, written as it happened (the demo, an import of a community's paper ledgers): points set up, activities
 * held with how many came, errands run — each errand through the same aggregate methods as a live one, so no step is
 * written twice. Points written here do not compute the circle: the caller does once, at the end.
 */
@Service
public class ServicePointHistory {

	private final JdbcServicePoints points;

	private final JdbcErrands errands;

	ServicePointHistory(JdbcServicePoints points, JdbcErrands errands) {
		this.points = points;
		this.errands = errands;
	}

	@Transactional
	public UUID point(OrgUnit node, String name, PointKind kind, String address, double lat, double lng, String hours,
			String phone, List<String> services, UUID by, Instant at) {
		UUID id = Ids.newId();
		points.insert(new JdbcServicePoints.PointRow(id, node.id(), node.name(), node.path(),
				DataScope.districtOf(node.path()), name, kind, address, lat, lng, hours, phone, services, by, at));
		return id;
	}

	@Transactional
	public UUID room(UUID pointId, String name, int capacity, String purpose) {
		UUID id = Ids.newId();
		points.insertRoom(id, pointId, name, capacity, purpose);
		return id;
	}

	@Transactional
	public void duty(UUID pointId, OrgUnit node, int weekday, java.time.LocalTime starts, java.time.LocalTime ends,
			String personName, String roleNote) {
		points.insertDuty(Ids.newId(), pointId, node.id(), node.path(), weekday, starts, ends, personName, null,
				roleNote);
	}

	/** A figure the district's report states about its service network (not the platform's own count). */
	@Transactional
	public void figure(OrgUnit district, String code, int value, String source) {
		points.putFigure(district.id(), district.path(), new ServicePointViews.StatedFigure(code, value, source));
	}

	/** An activity held in a room, with how many came. */
	@Transactional
	public void held(UUID roomId, UUID pointId, String pointPath, String title, Instant startsAt, Instant endsAt,
			int expected, int attendance, UUID by, String byName) {
		points.insert(new JdbcServicePoints.BookingRow(Ids.newId(), roomId, pointId, pointPath,
				DataScope.districtOf(pointPath), title, startsAt, endsAt, expected, attendance, by, byName,
				startsAt.minusSeconds(3 * 86400)));
	}

	/** An errand run to its end: asked, assigned, done with its note and money, confirmed by the resident. */
	@Transactional
	public UUID errandDone(Errand.Terms terms, UUID runnerId, String runnerName, Instant assignedAt, Errand.Proof proof,
			Instant doneAt, Instant confirmedAt) {
		Errand errand = Errand.request(Ids.newId(), terms);
		errands.insert(errand);
		step(errand, null, terms.requestedAt(), terms.requestedBy(), terms.requestedByName(), null);
		errand.assign(runnerId, runnerName, assignedAt);
		step(errand, ErrandAction.ASSIGN, assignedAt, terms.requestedBy(), terms.requestedByName(), runnerName);
		errand.complete(proof, doneAt);
		step(errand, ErrandAction.COMPLETE, doneAt, runnerId, runnerName, proof.note());
		errand.confirm(terms.residentName(), confirmedAt);
		step(errand, ErrandAction.CONFIRM, confirmedAt, terms.residentId(), terms.residentName(), null);
		// history: nobody follows its events
		errand.clearEvents();
		errands.save(errand);
		return errand.id();
	}

	/** Money in yuan, for the callers that write figures. */
	public static BigDecimal yuan(String amount) {
		return new BigDecimal(amount);
	}

	private void step(Errand errand, ErrandAction action, Instant at, UUID by, String byName, String note) {
		errands.insert(new ErrandStep(Ids.newId(), errand.id(), action, errand.state(), at, by, byName, note));
	}
}
