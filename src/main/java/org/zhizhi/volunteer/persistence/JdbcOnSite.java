package org.zhizhi.volunteer.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.shared.DataScope;
import org.zhizhi.volunteer.VolunteerOnSite;

/**
 * Who is serving on the spot at a moment: the people checked in (and not yet out) at the scope's activities that have
 * not ended — what the organiser's list of an activity shows as 已签到, read across the scope at once.
 */
@Repository
public class JdbcOnSite {

	private final JdbcClient jdbc;

	JdbcOnSite(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Checked in by {@code now} at an activity of the scope, not cancelled, ending after {@code now}; the latest to
	 * arrive first. A person who forgot to check out stops counting when his activity ends.
	 */
	public List<VolunteerOnSite> checkedIn(DataScope scope, Instant now) {
		return jdbc.sql("""
				SELECT p.person_id, p.person_name, a.id, a.title, t.name, a.place, p.checked_in_at, a.ends_at
				  FROM volunteer.participation p
				  JOIN volunteer.activity a ON a.id = p.activity_id
				  JOIN volunteer.team t ON t.id = a.team_id
				 WHERE a.scope_path LIKE :scope AND a.state = 'OPEN' AND p.state = 'CHECKED_IN'
				   AND p.checked_in_at <= :now AND a.ends_at > :now
				 ORDER BY p.checked_in_at DESC, p.person_id""")
			.param("scope", scope.likePattern())
			.param("now", Timestamp.from(now))
			.query((rs, n) -> new VolunteerOnSite(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
					rs.getString(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(),
					rs.getTimestamp(8).toInstant()))
			.list();
	}
}
