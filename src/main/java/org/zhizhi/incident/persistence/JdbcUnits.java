package org.zhizhi.incident.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.incident.IncidentPart;
import org.zhizhi.incident.IncidentPart.PartState;
import org.zhizhi.incident.Unit;
import org.zhizhi.incident.UnitKind;
import org.zhizhi.shared.DataScope;

/** Units that answer whistles, their liaisons, and the parts of tough whistles. */
@Repository
public class JdbcUnits {

	private final JdbcClient jdbc;

	JdbcUnits(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(Unit unit, Instant at) {
		jdbc.sql("""
				insert into incident.unit (id, code, name, kind, org_unit_id, scope_path, active, created_at)
				values (:id, :code, :name, :kind, :org, :path, :active, :at)""")
			.param("id", unit.id())
			.param("code", unit.code())
			.param("name", unit.name())
			.param("kind", unit.kind().name())
			.param("org", unit.orgUnitId())
			.param("path", unit.scopePath())
			.param("active", unit.active())
			.param("at", java.sql.Timestamp.from(at))
			.update();
	}

	/** Units the scope may see: those serving a node inside it, and those serving a node above it (they serve it too). */
	public List<Unit> visible(DataScope scope) {
		return jdbc.sql("""
				select id, code, name, kind, org_unit_id, scope_path, active from incident.unit
				 where scope_path like :scope or :path like scope_path || '%'
				 order by kind, name""")
			.param("scope", scope.likePattern())
			.param("path", scope.path())
			.query(JdbcUnits::unit)
			.list();
	}

	public Optional<Unit> find(UUID id) {
		return jdbc.sql("select id, code, name, kind, org_unit_id, scope_path, active from incident.unit where id = :id")
			.param("id", id)
			.query(JdbcUnits::unit)
			.optional();
	}

	public Optional<Unit> byCode(String code) {
		return jdbc
			.sql("select id, code, name, kind, org_unit_id, scope_path, active from incident.unit where code = :code")
			.param("code", code)
			.query(JdbcUnits::unit)
			.optional();
	}

	/** Adds a liaison; false if the account already is one (of this unit or, by the unique index, of another). */
	public boolean addLiaison(UUID unitId, UUID accountId) {
		return jdbc.sql("""
				insert into incident.unit_liaison (unit_id, account_id) values (:unit, :account)
				on conflict do nothing""")
			.param("unit", unitId)
			.param("account", accountId)
			.update() == 1;
	}

	public boolean isLiaison(UUID unitId, UUID accountId) {
		return jdbc.sql("select count(*) from incident.unit_liaison where unit_id = :unit and account_id = :account")
			.param("unit", unitId)
			.param("account", accountId)
			.query(Long.class)
			.single() > 0;
	}

	/** The unit an account is a liaison of, if any. */
	public Optional<UUID> unitOf(UUID accountId) {
		return jdbc.sql("select unit_id from incident.unit_liaison where account_id = :account")
			.param("account", accountId)
			.query(UUID.class)
			.optional();
	}

	public List<UUID> liaisons(UUID unitId) {
		return jdbc.sql("select account_id from incident.unit_liaison where unit_id = :unit")
			.param("unit", unitId)
			.query(UUID.class)
			.list();
	}

	// --- parts of a tough whistle -----------------------------------------------------------------------------------

	public void insertPart(UUID incidentId, UUID unitId, boolean lead, String task, Instant at) {
		jdbc.sql("""
				insert into incident.incident_part (incident_id, unit_id, lead, task, state, updated_at)
				values (:incident, :unit, :lead, :task, 'ASSIGNED', :at)""")
			.param("incident", incidentId)
			.param("unit", unitId)
			.param("lead", lead)
			.param("task", task)
			.param("at", java.sql.Timestamp.from(at))
			.update();
	}

	/** Moves a part on only from the states given: the row count decides a race. */
	public boolean movePart(UUID incidentId, UUID unitId, List<PartState> from, PartState to, String note,
			Instant at) {
		return jdbc.sql("""
				update incident.incident_part set state = :to, note = coalesce(:note, note), updated_at = :at
				 where incident_id = :incident and unit_id = :unit and state in (:from)""")
			.param("incident", incidentId)
			.param("unit", unitId)
			.param("from", from.stream().map(Enum::name).toList())
			.param("to", to.name())
			.param("note", note, java.sql.Types.VARCHAR)
			.param("at", java.sql.Timestamp.from(at))
			.update() == 1;
	}

	public void deleteParts(UUID incidentId) {
		jdbc.sql("delete from incident.incident_part where incident_id = :incident").param("incident", incidentId).update();
	}

	public List<IncidentPart> parts(UUID incidentId) {
		return jdbc.sql("""
				select p.incident_id, p.unit_id, u.name, p.lead, p.task, p.state, p.note, p.updated_at
				  from incident.incident_part p join incident.unit u on u.id = p.unit_id
				 where p.incident_id = :incident order by p.lead desc, u.name""")
			.param("incident", incidentId)
			.query((rs, n) -> new IncidentPart(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getString(3), rs.getBoolean(4), rs.getString(5), PartState.valueOf(rs.getString(6)),
					rs.getString(7), rs.getTimestamp(8).toInstant()))
			.list();
	}

	private static Unit unit(ResultSet rs, int row) throws SQLException {
		return new Unit(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
				UnitKind.valueOf(rs.getString("kind")), rs.getObject("org_unit_id", UUID.class),
				rs.getString("scope_path"), rs.getBoolean("active"));
	}
}
