package org.zhizhi.volunteer;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.shared.DataScope;

/**
 * For the command centre's sentinel: the running pairings with an elder living alone whose visit is past its due day
 * (the last visit, or the start when none, plus the pairing's interval). The elder is named as the desk's lists name
 * him; the sentinel shows his dwelling and masks the name.
 */
@Service
public class PairingSignals {

	/** A late visit: which pairing, where, and how many days past due it is on {@code today}. */
	public record LateVisit(UUID pairingId, UUID gridId, String scopePath, String residentName, String dwellingLabel,
			String helperName, LocalDate dueOn, int daysLate) {
	}

	private final JdbcClient jdbc;

	PairingSignals(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public List<LateVisit> lateElderVisits(DataScope scope, LocalDate today) {
		return jdbc.sql("""
				SELECT id, org_unit_id, scope_path, resident_name, dwelling_label, helper_name,
				       coalesce(last_visit_on, started_on) + every_days AS due_on
				  FROM volunteer.pairing
				 WHERE scope_path LIKE :scope AND state = 'ACTIVE' AND need = 'ELDER_ALONE'
				   AND coalesce(last_visit_on, started_on) + every_days < :today""")
			.param("scope", scope.likePattern())
			.param("today", Date.valueOf(today))
			.query((rs, n) -> {
				LocalDate due = rs.getDate(7).toLocalDate();
				return new LateVisit(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
						rs.getString(4), rs.getString(5), rs.getString(6), due,
						(int) java.time.temporal.ChronoUnit.DAYS.between(due, today));
			})
			.list();
	}
}
