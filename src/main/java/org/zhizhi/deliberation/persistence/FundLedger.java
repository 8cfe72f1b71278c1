package org.zhizhi.deliberation.persistence;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.deliberation.FundEntryKind;
import org.zhizhi.deliberation.FundSource;

/**
 * The co-funding ledger of a topic: the fund (its target), and its lines, insert-only; a payment's receipt number comes
 * from one sequence, so two receipts never share a number; a household's pledge is unique.
 */
@Repository
public class FundLedger {

	public record Fund(UUID topicId, BigDecimal target, BigDecimal perHousehold, Instant openedAt) {
	}

	public record Entry(UUID id, FundEntryKind kind, FundSource source, String sourceName, BigDecimal amount,
			Long receiptNo, UUID voucherId, String note, Instant recordedAt) {
	}

	/** The sums of the ledger: promised, received, spent. */
	public record Totals(BigDecimal pledged, BigDecimal paid, BigDecimal spent, long payingHouseholds) {
	}

	private final JdbcClient jdbc;

	FundLedger(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** False if the topic has its fund already. */
	public boolean open(UUID topicId, BigDecimal target, BigDecimal perHousehold, Instant at, UUID by) {
		return jdbc.sql("""
				INSERT INTO deliberation.fund (topic_id, target, per_household, opened_at, opened_by)
				VALUES (:topic, :target, :per, :at, :by) ON CONFLICT DO NOTHING""")
			.param("topic", topicId)
			.param("target", target)
			.param("per", perHousehold)
			.param("at", Timestamp.from(at))
			.param("by", by)
			.update() == 1;
	}

	public Optional<Fund> fund(UUID topicId) {
		return jdbc.sql("SELECT topic_id, target, per_household, opened_at FROM deliberation.fund WHERE topic_id = :t")
			.param("t", topicId)
			.query((rs, n) -> new Fund(rs.getObject(1, UUID.class), rs.getBigDecimal(2), rs.getBigDecimal(3),
					rs.getTimestamp(4).toInstant()))
			.optional();
	}

	/**
	 * Appends a line; a payment gets the next receipt number. False only for a household's second pledge (its unique
	 * key decides between two at once).
	 */
	public boolean record(UUID id, UUID topicId, FundEntryKind kind, FundSource source, UUID householdId,
			String sourceName, BigDecimal amount, UUID voucherId, String note, UUID by, Instant at) {
		return jdbc.sql("""
				INSERT INTO deliberation.fund_entry (id, topic_id, kind, source_kind, household_id, source_name, amount,
				       receipt_no, voucher_id, note, recorded_by, recorded_at)
				VALUES (:id, :topic, :kind, :source, :household, :name, :amount,
				        CASE WHEN :kind = 'PAYMENT' THEN nextval('deliberation.receipt_seq') END, :voucher, :note, :by, :at)
				ON CONFLICT DO NOTHING""")
			.param("id", id)
			.param("topic", topicId)
			.param("kind", kind.name())
			.param("source", source == null ? null : source.name())
			.param("household", householdId)
			.param("name", sourceName)
			.param("amount", amount)
			.param("voucher", voucherId)
			.param("note", note)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	public List<Entry> entries(UUID topicId) {
		return jdbc.sql("""
				SELECT id, kind, source_kind, source_name, amount, receipt_no, voucher_id, note, recorded_at
				  FROM deliberation.fund_entry WHERE topic_id = :t ORDER BY recorded_at, receipt_no NULLS LAST, id""")
			.param("t", topicId)
			.query((rs, n) -> new Entry(rs.getObject(1, UUID.class), FundEntryKind.valueOf(rs.getString(2)),
					rs.getString(3) == null ? null : FundSource.valueOf(rs.getString(3)), rs.getString(4),
					rs.getBigDecimal(5), rs.getObject(6) == null ? null : rs.getLong(6), rs.getObject(7, UUID.class),
					rs.getString(8), rs.getTimestamp(9).toInstant()))
			.list();
	}

	public Totals totals(UUID topicId) {
		return jdbc.sql("""
				SELECT coalesce(sum(amount) FILTER (WHERE kind = 'PLEDGE'), 0),
				       coalesce(sum(amount) FILTER (WHERE kind = 'PAYMENT'), 0),
				       coalesce(sum(amount) FILTER (WHERE kind = 'SPENDING'), 0),
				       count(DISTINCT household_id) FILTER (WHERE kind = 'PAYMENT')
				  FROM deliberation.fund_entry WHERE topic_id = :t""")
			.param("t", topicId)
			.query((rs, n) -> new Totals(rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getLong(4)))
			.single();
	}

	/** Whether the voucher is one of this topic's spendings (so the households concerned may see it). */
	public boolean isVoucherOf(UUID topicId, UUID voucherId) {
		return jdbc.sql("SELECT count(*) FROM deliberation.fund_entry WHERE topic_id = :t AND voucher_id = :v")
			.param("t", topicId)
			.param("v", voucherId)
			.query(Long.class)
			.single() > 0;
	}
}
