package org.zhizhi.incident.persistence;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.zhizhi.incident.IncidentView;
import org.zhizhi.incident.TimelineEntry;

/**
 * Imported history in batches: the incidents as their replay through the aggregate left them and their timelines,
 * written with batched inserts (a district's years of history in seconds) rather than one save per step.
 */
@Repository
public class JdbcIncidentHistory {

	private final JdbcTemplate batch;

	private final TimelinePayloads payloads;

	JdbcIncidentHistory(JdbcTemplate batch, TimelinePayloads payloads) {
		this.batch = batch;
		this.payloads = payloads;
	}

	/** The incidents of an import, as their replay left them, in one batch. */
	public void insertIncidents(List<IncidentView> incidents) {
		batch.batchUpdate("""
				insert into incident.incident (id, channel, category_code, description, lat, lng, grid_id,
				       micro_grid_id, scope_path, district_id, state, triage, whistle_type, reject_reason, claimed_by,
				       reporter_id, reported_at, updated_at, check_in_distance_m, check_in_flagged, rating,
				       rating_comment, anonymous, tier, owner_kind, owner_id, dispatch_mode, respond_due_at,
				       on_site_due_at, resolve_due_at, yellow_cards, red_cards, escalations, closed_at, unit_id,
				       unsatisfied_pending)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
				        ?, ?, ?, ?)""", new BatchPreparedStatementSetter() {

			@Override
			public void setValues(PreparedStatement ps, int i) throws SQLException {
				IncidentView v = incidents.get(i);
				int k = 1;
				ps.setObject(k++, v.id());
				ps.setString(k++, v.channel().name());
				ps.setString(k++, v.categoryCode());
				ps.setString(k++, v.description());
				ps.setDouble(k++, v.lat());
				ps.setDouble(k++, v.lng());
				ps.setObject(k++, v.gridId());
				ps.setObject(k++, v.microGridId(), Types.OTHER);
				ps.setString(k++, v.scopePath());
				ps.setObject(k++, v.districtId(), Types.OTHER);
				ps.setString(k++, v.state().name());
				ps.setString(k++, name(v.triage()));
				ps.setString(k++, name(v.whistleType()));
				ps.setString(k++, name(v.rejectReason()));
				ps.setObject(k++, v.claimedBy(), Types.OTHER);
				ps.setObject(k++, v.reporterId());
				ps.setTimestamp(k++, Timestamp.from(v.reportedAt()));
				ps.setTimestamp(k++, Timestamp.from(v.updatedAt()));
				ps.setObject(k++, v.checkInDistanceM(), Types.DOUBLE);
				ps.setBoolean(k++, v.checkInFlagged());
				ps.setString(k++, name(v.rating()));
				ps.setString(k++, v.ratingComment());
				ps.setBoolean(k++, v.anonymous());
				ps.setString(k++, v.tier().name());
				ps.setString(k++, v.ownerKind().name());
				ps.setObject(k++, v.ownerId());
				ps.setString(k++, name(v.dispatchMode()));
				ps.setTimestamp(k++, timestamp(v.respondDueAt()));
				ps.setTimestamp(k++, timestamp(v.onSiteDueAt()));
				ps.setTimestamp(k++, timestamp(v.resolveDueAt()));
				ps.setInt(k++, v.yellowCards());
				ps.setInt(k++, v.redCards());
				ps.setInt(k++, v.escalations());
				ps.setTimestamp(k++, timestamp(v.closedAt()));
				ps.setObject(k++, v.unitId(), Types.OTHER);
				ps.setBoolean(k, v.unsatisfiedPending());
			}

			@Override
			public int getBatchSize() {
				return incidents.size();
			}
		});
	}

	/** Their timelines, in one batch. */
	public void insertTimeline(List<TimelineEntry> all) {
		batch.batchUpdate("""
				insert into incident.timeline_entry (id, incident_id, occurred_at, actor_id, actor_name, actor_role,
				       action, from_state, to_state, lat, lng, detail, distance_m, flagged, note, payload, district_id)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb),
				        incident.incident_district(?))""",
				new BatchPreparedStatementSetter() {

			@Override
			public void setValues(PreparedStatement ps, int i) throws SQLException {
				TimelineEntry e = all.get(i);
				int k = 1;
				ps.setObject(k++, e.id());
				ps.setObject(k++, e.incidentId());
				ps.setTimestamp(k++, Timestamp.from(e.occurredAt()));
				ps.setObject(k++, e.actorId());
				ps.setString(k++, e.actorName());
				ps.setString(k++, e.actorRole());
				ps.setString(k++, e.action().name());
				ps.setString(k++, name(e.fromState()));
				ps.setString(k++, e.toState().name());
				ps.setObject(k++, e.lat(), Types.DOUBLE);
				ps.setObject(k++, e.lng(), Types.DOUBLE);
				ps.setString(k++, e.detail());
				ps.setObject(k++, e.distanceM(), Types.DOUBLE);
				ps.setBoolean(k++, e.flagged());
				ps.setString(k++, e.note());
				ps.setString(k++, payloads.write(e.payload()));
				// the district, the timeline's partition key, is its incident's
				ps.setObject(k, e.incidentId());
			}

			@Override
			public int getBatchSize() {
				return all.size();
			}
		});
	}

	private static String name(Enum<?> value) {
		return value == null ? null : value.name();
	}

	private static Timestamp timestamp(Instant value) {
		return value == null ? null : Timestamp.from(value);
	}
}
