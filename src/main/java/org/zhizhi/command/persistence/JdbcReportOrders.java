package org.zhizhi.command.persistence;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.command.report.ReportFormat;

/**
 * What each monthly report job was ordered for (the node, its name then, the month, the format), beside the
 * platform's job row, which knows only its kind.
 */
@Repository
public class JdbcReportOrders {

	/** Jobs are kept a day; an order outlives its job a little, then goes. */
	private static final Duration KEEP = Duration.ofDays(7);

	/** A report job's order as it was written. */
	public record Ordered(UUID jobId, UUID orgUnitId, String nodeName, YearMonth month, ReportFormat format) {
	}

	private final JdbcClient jdbc;

	JdbcReportOrders(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Records the order of a job just started, and forgets those long past. */
	public void insert(Ordered order, UUID orderedBy, String scopePath, Instant at) {
		jdbc.sql("DELETE FROM command.report_order WHERE ordered_at < :before")
			.param("before", Timestamp.from(at.minus(KEEP)))
			.update();
		jdbc.sql("""
				INSERT INTO command.report_order (job_id, ordered_by, org_unit_id, node_name, scope_path, month, format,
				                                  ordered_at)
				VALUES (:job, :by, :node, :name, :scope, :month, :format, :at)""")
			.param("job", order.jobId())
			.param("by", orderedBy)
			.param("node", order.orgUnitId())
			.param("name", order.nodeName())
			.param("scope", scopePath)
			.param("month", order.month().atDay(1))
			.param("format", order.format().name())
			.param("at", Timestamp.from(at))
			.update();
	}

	/** The orders of the given jobs that this person placed, by job. */
	public Map<UUID, Ordered> of(UUID orderedBy, Collection<UUID> jobIds) {
		Map<UUID, Ordered> orders = new HashMap<>();
		if (jobIds.isEmpty()) {
			return orders;
		}
		jdbc.sql("""
				SELECT job_id, org_unit_id, node_name, month, format FROM command.report_order
				 WHERE ordered_by = :by AND job_id = ANY(:jobs)""")
			.param("by", orderedBy)
			.param("jobs", jobIds.toArray(UUID[]::new))
			.query(rs -> {
				UUID job = rs.getObject("job_id", UUID.class);
				orders.put(job, new Ordered(job, rs.getObject("org_unit_id", UUID.class), rs.getString("node_name"),
						YearMonth.from(rs.getObject("month", LocalDate.class)),
						ReportFormat.valueOf(rs.getString("format"))));
			});
		return orders;
	}
}
