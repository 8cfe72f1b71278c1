package org.zhizhi.volunteer.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.volunteer.Certificate;
import org.zhizhi.volunteer.HoursLine;
import org.zhizhi.volunteer.ServedHours;

/**
 * Certificates of service hours (insert-only: the table is the log of what was issued), the volunteer numbers given
 * with them, and the served hours of a person with a team they are made of.
 */
@Repository
public class JdbcCertificates {

	private static final String COLUMNS = """
			id, number, team_id, team_name, org_unit_name, scope_path, person_id, person_name, volunteer_number,
			id_type, id_masked, minutes, activities, served_from, served_to, content, handler_name, contact, issued_by,
			issued_at""";

	private final JdbcClient jdbc;

	JdbcCertificates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The person's volunteer number, given now if he has none: two at once get the same one. */
	public String volunteerNumber(UUID personId, Instant at) {
		jdbc.sql("""
				INSERT INTO volunteer.volunteer_number (person_id, number, assigned_at)
				VALUES (:p, 'ZYZ' || lpad(nextval('volunteer.volunteer_number_seq')::text, 8, '0'), :at)
				ON CONFLICT (person_id) DO NOTHING""")
			.param("p", personId)
			.param("at", Timestamp.from(at))
			.update();
		return jdbc.sql("SELECT number FROM volunteer.volunteer_number WHERE person_id = :p")
			.param("p", personId)
			.query(String.class)
			.single();
	}

	/** Serialises the issuing of a person's certificates by a team until the transaction ends. */
	public void lock(UUID teamId, UUID personId) {
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:k, 0))")
			.param("k", "volunteer.certificate:" + teamId + ":" + personId)
			.query(Object.class)
			.single();
	}

	/** The next certificate number of the year: ZM2026-000123. */
	public String nextNumber(int year) {
		return jdbc.sql("SELECT 'ZM' || :y || '-' || lpad(nextval('volunteer.certificate_seq')::text, 6, '0')")
			.param("y", year)
			.query(String.class)
			.single();
	}

	/** What a person served with a team, approved: minutes, activities, first and last day, per title. */
	public record Served(String personName, long minutes, int activities, LocalDate from, LocalDate to,
			List<Titled> titles) {
	}

	public record Titled(String title, int times) {
	}

	/**
	 * The approved service of a person with a team up to a moment; days are read in the zone given ('Asia/Shanghai'),
	 * titles most frequent first.
	 */
	public Served served(UUID teamId, UUID personId, Instant until, String zone) {
		List<Titled> titles = jdbc.sql("""
				SELECT a.title, count(*) FROM volunteer.participation p JOIN volunteer.activity a ON a.id = p.activity_id
				 WHERE a.team_id = :t AND p.person_id = :p AND p.state = 'APPROVED' AND a.starts_at <= :until
				 GROUP BY a.title ORDER BY count(*) DESC, a.title""")
			.param("t", teamId)
			.param("p", personId)
			.param("until", Timestamp.from(until))
			.query((rs, n) -> new Titled(rs.getString(1), rs.getInt(2)))
			.list();
		return jdbc.sql("""
				SELECT max(p.person_name), coalesce(sum(p.minutes), 0), count(*), min((a.starts_at AT TIME ZONE :zone)::date),
				       max((a.starts_at AT TIME ZONE :zone)::date)
				  FROM volunteer.participation p JOIN volunteer.activity a ON a.id = p.activity_id
				 WHERE a.team_id = :t AND p.person_id = :p AND p.state = 'APPROVED' AND a.starts_at <= :until""")
			.param("t", teamId)
			.param("p", personId)
			.param("until", Timestamp.from(until))
			.param("zone", zone)
			.query((rs, n) -> new Served(rs.getString(1), rs.getLong(2), rs.getInt(3),
					rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate(),
					rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate(), titles))
			.single();
	}


	/** The teams a person served with, approved, the most hours first. */
	public List<ServedHours> servedTeams(UUID personId) {
		return jdbc.sql("""
				SELECT t.id, t.name, p.person_id, max(p.person_name), sum(p.minutes), count(*)
				  FROM volunteer.participation p JOIN volunteer.activity a ON a.id = p.activity_id
				  JOIN volunteer.team t ON t.id = a.team_id
				 WHERE p.person_id = :p AND p.state = 'APPROVED' AND p.minutes > 0
				 GROUP BY t.id, t.name, p.person_id ORDER BY sum(p.minutes) DESC, t.name""")
			.param("p", personId)
			.query(JdbcCertificates::hours)
			.list();
	}

	/** Everyone who served with a team, approved, the most hours first — a page at a time. */
	public List<ServedHours> servedWith(UUID teamId, int limit, int offset) {
		return jdbc.sql("""
				SELECT t.id, t.name, p.person_id, max(p.person_name), sum(p.minutes), count(*)
				  FROM volunteer.participation p JOIN volunteer.activity a ON a.id = p.activity_id
				  JOIN volunteer.team t ON t.id = a.team_id
				 WHERE t.id = :t AND p.state = 'APPROVED' AND p.minutes > 0
				 GROUP BY t.id, t.name, p.person_id ORDER BY sum(p.minutes) DESC, max(p.person_name), p.person_id
				 LIMIT :l OFFSET :o""")
			.param("t", teamId)
			.param("l", limit)
			.param("o", offset)
			.query(JdbcCertificates::hours)
			.list();
	}


	/** A team's approved hours, the latest first (at most {@code limit} lines). */
	public List<HoursLine> hoursOfTeam(UUID teamId, int limit) {
		return jdbc.sql("""
				SELECT a.starts_at, a.title, t.name, p.person_name, p.minutes, p.approved_by_name
				  FROM volunteer.participation p JOIN volunteer.activity a ON a.id = p.activity_id
				  JOIN volunteer.team t ON t.id = a.team_id
				 WHERE a.team_id = :t AND p.state = 'APPROVED'
				 ORDER BY a.starts_at DESC, p.person_name LIMIT :l""")
			.param("t", teamId)
			.param("l", limit)
			.query(JdbcCertificates::line)
			.list();
	}

	/** A person's approved hours, the latest first. */
	public List<HoursLine> hoursOf(UUID personId, int limit) {
		return jdbc.sql("""
				SELECT a.starts_at, a.title, t.name, p.person_name, p.minutes, p.approved_by_name
				  FROM volunteer.participation p JOIN volunteer.activity a ON a.id = p.activity_id
				  JOIN volunteer.team t ON t.id = a.team_id
				 WHERE p.person_id = :p AND p.state = 'APPROVED'
				 ORDER BY a.starts_at DESC LIMIT :l""")
			.param("p", personId)
			.param("l", limit)
			.query(JdbcCertificates::line)
			.list();
	}

	static HoursLine line(ResultSet rs, int n) throws SQLException {
		return new HoursLine(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4),
				rs.getInt(5), rs.getString(6));
	}

	static ServedHours hours(ResultSet rs, int n) throws SQLException {
		return new ServedHours(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class), rs.getString(4),
				rs.getLong(5), rs.getInt(6));
	}

	public void insert(Certificate c) {
		jdbc.sql("INSERT INTO volunteer.certificate (" + COLUMNS + ") VALUES (:id, :number, :team, :teamName, :unitName,"
				+ " :scope, :person, :personName, :volunteerNumber, :idType, :idMasked, :minutes, :activities, :from,"
				+ " :to, :content, :handler, :contact, :by, :at)")
			.param("id", c.id())
			.param("number", c.number())
			.param("team", c.teamId())
			.param("teamName", c.teamName())
			.param("unitName", c.orgUnitName())
			.param("scope", c.scopePath())
			.param("person", c.personId())
			.param("personName", c.personName())
			.param("volunteerNumber", c.volunteerNumber())
			.param("idType", c.idType())
			.param("idMasked", c.idMasked())
			.param("minutes", c.minutes())
			.param("activities", c.activities())
			.param("from", Date.valueOf(c.servedFrom()))
			.param("to", Date.valueOf(c.servedTo()))
			.param("content", c.content())
			.param("handler", c.handlerName())
			.param("contact", c.contact())
			.param("by", c.issuedBy())
			.param("at", Timestamp.from(c.issuedAt()))
			.update();
	}

	/**
	 * The certificate issued to the person by the team since a moment for exactly these minutes: a second press (or
	 * a second request the same day with nothing new served) gets the one already issued.
	 */
	public Optional<Certificate> sameSince(UUID teamId, UUID personId, int minutes, Instant since) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM volunteer.certificate WHERE team_id = :t AND person_id = :p"
				+ " AND minutes = :m AND issued_at >= :since ORDER BY issued_at DESC LIMIT 1")
			.param("t", teamId)
			.param("p", personId)
			.param("m", minutes)
			.param("since", Timestamp.from(since))
			.query(JdbcCertificates::certificate)
			.optional();
	}

	public Optional<Certificate> byId(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM volunteer.certificate WHERE id = :id")
			.param("id", id)
			.query(JdbcCertificates::certificate)
			.optional();
	}

	public Optional<Certificate> byNumber(String number) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM volunteer.certificate WHERE number = :n")
			.param("n", number)
			.query(JdbcCertificates::certificate)
			.optional();
	}

	public List<Certificate> ofPerson(UUID personId, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM volunteer.certificate WHERE person_id = :p"
				+ " ORDER BY issued_at DESC LIMIT :l")
			.param("p", personId)
			.param("l", limit)
			.query(JdbcCertificates::certificate)
			.list();
	}

	public List<Certificate> ofTeam(UUID teamId, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM volunteer.certificate WHERE team_id = :t"
				+ " ORDER BY issued_at DESC LIMIT :l")
			.param("t", teamId)
			.param("l", limit)
			.query(JdbcCertificates::certificate)
			.list();
	}

	static Certificate certificate(ResultSet rs, int n) throws SQLException {
		return new Certificate(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
				rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, UUID.class), rs.getString(8),
				rs.getString(9), rs.getString(10), rs.getString(11), rs.getInt(12), rs.getInt(13),
				rs.getDate(14).toLocalDate(), rs.getDate(15).toLocalDate(), rs.getString(16), rs.getString(17),
				rs.getString(18), rs.getObject(19, UUID.class), rs.getTimestamp(20).toInstant());
	}
}
