package org.zhizhi.property.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.property.Inspection;
import org.zhizhi.property.Inspection.Finding;
import org.zhizhi.property.InspectionState;
import org.zhizhi.property.Scorecard;
import org.zhizhi.shared.DataScope;

/** Inspections (saved against their version, events published after the save) and their findings (insert-only). */
@Repository
public class JdbcInspections {

	private static final String COLUMNS = """
			i.id, i.template_code, i.company_id, i.estate_id, i.estate_name, i.scope_path, i.district_id,
			i.inspector_id, i.inspector_name, i.started_at, i.lat, i.lng, i.state, i.submitted_at, i.awarded,
			i.possible, i.version""";

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	JdbcInspections(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/** False if the estate has an inspection open already. */
	public boolean insert(Inspection inspection) {
		Inspection.Subject s = inspection.subject();
		try {
			return jdbc.sql("""
					INSERT INTO property.inspection (id, template_code, company_id, estate_id, estate_name, scope_path,
					       district_id, inspector_id, inspector_name, state, started_at, submitted_at, awarded,
					       possible, lat, lng)
					VALUES (:id, :template, :company, :estate, :estateName, :scope, :district, :inspector,
					        :inspectorName, :state, :started, :submitted, :awarded, :possible, :lat, :lng)
					ON CONFLICT DO NOTHING""")
				.param("id", inspection.id())
				.param("template", s.templateCode())
				.param("company", s.companyId())
				.param("estate", s.estateId())
				.param("estateName", s.estateName())
				.param("scope", s.scopePath())
				.param("district", s.districtId())
				.param("inspector", s.inspectorId())
				.param("inspectorName", s.inspectorName())
				.param("state", inspection.state().name())
				.param("started", Timestamp.from(s.startedAt()))
				.param("submitted", inspection.submittedAt() == null ? null : Timestamp.from(inspection.submittedAt()))
				.param("awarded", inspection.score() == null ? null : inspection.score().awarded())
				.param("possible", inspection.score() == null ? null : inspection.score().possible())
				.param("lat", s.lat())
				.param("lng", s.lng())
				.update() == 1;
		}
		catch (DuplicateKeyException e) {
			return false;
		}
	}

	/** Saves the state and score against the version, publishes the events; false if someone changed it first. */
	public boolean save(Inspection inspection) {
		int updated = jdbc.sql("""
				UPDATE property.inspection SET state = :state, submitted_at = :submitted, awarded = :awarded,
				       possible = :possible, version = version + 1
				 WHERE id = :id AND version = :version""")
			.param("state", inspection.state().name())
			.param("submitted", inspection.submittedAt() == null ? null : Timestamp.from(inspection.submittedAt()))
			.param("awarded", inspection.score() == null ? null : inspection.score().awarded())
			.param("possible", inspection.score() == null ? null : inspection.score().possible())
			.param("id", inspection.id())
			.param("version", inspection.version())
			.update();
		if (updated != 1) {
			return false;
		}
		inspection.saved();
		inspection.publishEvents(events::publishEvent);
		return true;
	}

	/** False if that criterion has a finding already (two taps are one finding). */
	public boolean insert(UUID inspectionId, Finding f) {
		return jdbc.sql("""
				INSERT INTO property.finding (id, inspection_id, criterion_code, note, photo_id, lat, lng, found_at)
				VALUES (:id, :inspection, :criterion, :note, :photo, :lat, :lng, :at)
				ON CONFLICT (inspection_id, criterion_code) DO NOTHING""")
			.param("id", f.id())
			.param("inspection", inspectionId)
			.param("criterion", f.criterionCode())
			.param("note", f.note())
			.param("photo", f.photoId())
			.param("lat", f.lat())
			.param("lng", f.lng())
			.param("at", Timestamp.from(f.foundAt()))
			.update() == 1;
	}

	public Optional<Inspection> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM property.inspection i WHERE i.id = :id")
			.param("id", id)
			.query(this::inspection)
			.optional();
	}

	/** A page of the inspections of a scope (optionally of one company), newest first. */
	public List<Inspection> list(DataScope scope, UUID companyId, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM property.inspection i WHERE i.scope_path LIKE :scope"
				+ " AND (cast(:company as uuid) IS NULL OR i.company_id = :company) AND i.state <> 'CANCELLED'"
				+ " ORDER BY i.started_at DESC, i.id DESC LIMIT :l")
			.param("scope", scope.likePattern())
			.param("company", companyId, java.sql.Types.OTHER)
			.param("l", limit)
			.query(this::inspection)
			.list();
	}

	/** The company's submitted inspections in a period, for its quarter's score. */
	public List<Inspection> submitted(UUID companyId, Instant from, Instant to) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM property.inspection i WHERE i.company_id = :c"
				+ " AND i.state = 'SUBMITTED' AND i.started_at >= :from AND i.started_at < :to ORDER BY i.started_at")
			.param("c", companyId)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query(this::inspection)
			.list();
	}

	public Optional<Finding> finding(UUID id) {
		return jdbc.sql("""
				SELECT id, criterion_code, note, photo_id, lat, lng, found_at, inspection_id FROM property.finding
				 WHERE id = :id""")
			.param("id", id)
			.query(JdbcInspections::finding)
			.optional();
	}

	public UUID inspectionOf(UUID findingId) {
		return jdbc.sql("SELECT inspection_id FROM property.finding WHERE id = :id")
			.param("id", findingId)
			.query(UUID.class)
			.single();
	}

	private List<Finding> findings(UUID inspectionId) {
		return jdbc.sql("""
				SELECT id, criterion_code, note, photo_id, lat, lng, found_at, inspection_id FROM property.finding
				 WHERE inspection_id = :i ORDER BY found_at, criterion_code""")
			.param("i", inspectionId)
			.query(JdbcInspections::finding)
			.list();
	}

	private static Finding finding(ResultSet rs, int n) throws SQLException {
		return new Finding(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getObject(4, UUID.class),
				(Double) rs.getObject(5), (Double) rs.getObject(6), rs.getTimestamp(7).toInstant());
	}

	private Inspection inspection(ResultSet rs, int n) throws SQLException {
		UUID id = rs.getObject(1, UUID.class);
		Inspection.Subject subject = new Inspection.Subject(rs.getString(2), rs.getObject(3, UUID.class),
				rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6), rs.getObject(7, UUID.class),
				rs.getObject(8, UUID.class), rs.getString(9), rs.getTimestamp(10).toInstant(), (Double) rs.getObject(11),
				(Double) rs.getObject(12));
		Integer awarded = (Integer) rs.getObject(15);
		Integer possible = (Integer) rs.getObject(16);
		return new Inspection(id, subject, findings(id), InspectionState.valueOf(rs.getString(13)),
				rs.getTimestamp(14) == null ? null : rs.getTimestamp(14).toInstant(),
				awarded == null ? null : new Scorecard.Points(awarded, possible), rs.getInt(17));
	}
}
