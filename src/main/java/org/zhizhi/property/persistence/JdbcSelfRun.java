package org.zhizhi.property.persistence;

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
import org.zhizhi.property.FeeBill;
import org.zhizhi.property.FeeBillState;
import org.zhizhi.property.SelfRun;
import org.zhizhi.property.SelfRunKind;
import org.zhizhi.shared.DataScope;
import org.zhizhi.property.FeeEntry;
import org.zhizhi.property.MonthTotals;

/**
 * A self-run body with its buildings, services and schedule; its bills (the aggregate, saved against its version); and
 * its insert-only book, read back as monthly totals (what the public sees) and per building (the collection rate).
 */
@Repository
public class JdbcSelfRun {

	private static final String COLUMNS = """
			id, estate_id, estate_name, org_unit_id, scope_path, district_id, name, kind, threshold_percent,
			created_at""";

	private static final String BILL_COLUMNS = """
			id, self_run_id, household_id, dwelling_label, building_id, month, amount_cents, state, settled_at,
			settled_by, settled_by_name, exempt_reason, version""";

	private static final String ENTRY = """
			SELECT id, self_run_id, month, kind, amount_cents, description, bill_id, method, receipt_no, voucher,
			       recorded_by, recorded_by_name, recorded_at FROM property.fee_entry""";

	private final JdbcClient jdbc;

	JdbcSelfRun(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(SelfRun s) {
		jdbc.sql("INSERT INTO property.self_run (" + COLUMNS + ") VALUES (:id, :estate, :estateName, :unit, :scope,"
				+ " :district, :name, :kind, :threshold, :at)")
			.param("id", s.id())
			.param("estate", s.estateId())
			.param("estateName", s.estateName())
			.param("unit", s.orgUnitId())
			.param("scope", s.scopePath())
			.param("district", s.districtId())
			.param("name", s.name())
			.param("kind", s.kind().name())
			.param("threshold", s.thresholdPercent())
			.param("at", Timestamp.from(s.createdAt()))
			.update();
	}

	public void cover(UUID selfRunId, SelfRun.Building b) {
		jdbc.sql("""
				INSERT INTO property.self_run_building (self_run_id, building_id, building_name, guardian_id, guardian_name)
				VALUES (:s, :b, :name, :g, :gName)
				ON CONFLICT (self_run_id, building_id) DO UPDATE SET guardian_id = :g, guardian_name = :gName""")
			.param("s", selfRunId)
			.param("b", b.buildingId())
			.param("name", b.buildingName())
			.param("g", b.guardianId())
			.param("gName", b.guardianName())
			.update();
	}

	public void offer(UUID selfRunId, int position, SelfRun.Service s) {
		jdbc.sql("""
				INSERT INTO property.self_run_service (self_run_id, position, class_name, name, provider, standard,
				                                       value_added)
				VALUES (:s, :p, :c, :n, :provider, :standard, :va)""")
			.param("s", selfRunId)
			.param("p", position)
			.param("c", s.className())
			.param("n", s.name())
			.param("provider", s.provider())
			.param("standard", s.standard())
			.param("va", s.valueAdded())
			.update();
	}

	/** False if a schedule from that month exists already. */
	public boolean schedule(UUID id, UUID selfRunId, SelfRun.Schedule s) {
		return jdbc.sql("""
				INSERT INTO property.fee_schedule (id, self_run_id, monthly_cents, from_month, topic_id, decided_on, note)
				VALUES (:id, :s, :cents, :from, :topic, :on, :note) ON CONFLICT DO NOTHING""")
			.param("id", id)
			.param("s", selfRunId)
			.param("cents", s.monthlyCents())
			.param("from", Date.valueOf(s.fromMonth()))
			.param("topic", s.topicId())
			.param("on", Date.valueOf(s.decidedOn()))
			.param("note", s.note())
			.update() == 1;
	}

	public Optional<SelfRun> ofEstate(UUID estateId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM property.self_run WHERE estate_id = :e")
			.param("e", estateId)
			.query(JdbcSelfRun::selfRun)
			.optional();
	}

	public List<SelfRun> inScope(DataScope scope) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM property.self_run WHERE scope_path LIKE :scope ORDER BY name")
			.param("scope", scope.likePattern())
			.query(JdbcSelfRun::selfRun)
			.list();
	}

	/** The self-run bodies in which this person guards a building. */
	public List<SelfRun> guardedBy(UUID guardianId) {
		return jdbc.sql("SELECT " + COLUMNS.replaceAll("(\\w+)", "s.$1") + " FROM property.self_run s WHERE EXISTS ("
				+ "SELECT 1 FROM property.self_run_building b WHERE b.self_run_id = s.id AND b.guardian_id = :g)"
				+ " ORDER BY s.name")
			.param("g", guardianId)
			.query(JdbcSelfRun::selfRun)
			.list();
	}

	public List<SelfRun.Building> buildings(UUID selfRunId) {
		return jdbc.sql("""
				SELECT building_id, building_name, guardian_id, guardian_name FROM property.self_run_building
				 WHERE self_run_id = :s ORDER BY length(building_name), building_name""")
			.param("s", selfRunId)
			.query((rs, n) -> new SelfRun.Building(rs.getObject(1, UUID.class), rs.getString(2),
					rs.getObject(3, UUID.class), rs.getString(4)))
			.list();
	}

	public List<SelfRun.Service> services(UUID selfRunId) {
		return jdbc.sql("""
				SELECT class_name, name, provider, standard, value_added FROM property.self_run_service
				 WHERE self_run_id = :s ORDER BY position""")
			.param("s", selfRunId)
			.query((rs, n) -> new SelfRun.Service(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getBoolean(5)))
			.list();
	}

	/** The month the first fee ran from. */
	public Optional<LocalDate> firstScheduleMonth(UUID selfRunId) {
		return jdbc.sql("SELECT min(from_month) FROM property.fee_schedule WHERE self_run_id = :s")
			.param("s", selfRunId)
			.query((rs, n) -> rs.getDate(1) == null ? null : rs.getDate(1).toLocalDate())
			.optional();
	}

	/** The schedule in force in a month: the latest from that month or before. */
	public Optional<SelfRun.Schedule> scheduleFor(UUID selfRunId, LocalDate month) {
		return jdbc.sql("""
				SELECT monthly_cents, from_month, topic_id, decided_on, note FROM property.fee_schedule
				 WHERE self_run_id = :s AND from_month <= :m ORDER BY from_month DESC LIMIT 1""")
			.param("s", selfRunId)
			.param("m", Date.valueOf(month))
			.query((rs, n) -> new SelfRun.Schedule(rs.getLong(1), rs.getDate(2).toLocalDate(),
					rs.getObject(3, UUID.class), rs.getDate(4).toLocalDate(), rs.getString(5)))
			.optional();
	}

	// ---- bills

	/** Issues a bill unless the household has the month's already; true if it was issued now. */
	public boolean issue(FeeBill b) {
		return jdbc.sql("INSERT INTO property.fee_bill (" + BILL_COLUMNS + ") VALUES (:id, :s, :h, :label, :b, :m,"
				+ " :cents, 'OPEN', NULL, NULL, NULL, NULL, 0) ON CONFLICT (self_run_id, household_id, month) DO NOTHING")
			.param("id", b.id())
			.param("s", b.selfRunId())
			.param("h", b.householdId())
			.param("label", b.dwellingLabel())
			.param("b", b.buildingId())
			.param("m", Date.valueOf(b.month()))
			.param("cents", b.amountCents())
			.update() == 1;
	}

	public Optional<FeeBill> bill(UUID id) {
		return jdbc.sql("SELECT " + BILL_COLUMNS + " FROM property.fee_bill WHERE id = :id")
			.param("id", id)
			.query(JdbcSelfRun::bill)
			.optional();
	}

	/** A month's bills, of one building or all, by dwelling. */
	public List<FeeBill> bills(UUID selfRunId, LocalDate month, UUID buildingId) {
		return jdbc.sql("SELECT " + BILL_COLUMNS + " FROM property.fee_bill WHERE self_run_id = :s AND month = :m"
				+ " AND (CAST(:b AS uuid) IS NULL OR building_id = :b) ORDER BY length(dwelling_label), dwelling_label")
			.param("s", selfRunId)
			.param("m", Date.valueOf(month))
			.param("b", buildingId)
			.query(JdbcSelfRun::bill)
			.list();
	}

	/** A month's exempted bills of the whole body, in the order the group decided them. */
	public List<FeeBill> exemptions(UUID selfRunId, LocalDate month) {
		return jdbc.sql("SELECT " + BILL_COLUMNS + " FROM property.fee_bill WHERE self_run_id = :s AND month = :m"
				+ " AND state = 'EXEMPT' ORDER BY settled_at, dwelling_label")
			.param("s", selfRunId)
			.param("m", Date.valueOf(month))
			.query(JdbcSelfRun::bill)
			.list();
	}

	/** Records today's reminder of a bill; false if it was reminded today already. */
	public boolean remind(UUID billId, LocalDate on, UUID by, Instant at) {
		return jdbc.sql("""
				INSERT INTO property.fee_reminder (bill_id, reminded_on, sent_by, sent_at) VALUES (:b, :on, :by, :at)
				ON CONFLICT DO NOTHING""")
			.param("b", billId)
			.param("on", Date.valueOf(on))
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	/** Saves a bill's settlement against its version; false if someone settled it first. */
	public boolean save(FeeBill b) {
		int updated = jdbc.sql("""
				UPDATE property.fee_bill SET state = :state, settled_at = :at, settled_by = :by,
				       settled_by_name = :byName, exempt_reason = :reason, version = version + 1
				 WHERE id = :id AND version = :version""")
			.param("state", b.state().name())
			.param("at", b.settledAt() == null ? null : Timestamp.from(b.settledAt()))
			.param("by", b.settledBy())
			.param("byName", b.settledByName())
			.param("reason", b.exemptReason())
			.param("id", b.id())
			.param("version", b.version())
			.update();
		if (updated != 1) {
			return false;
		}
		b.saved();
		return true;
	}

	// ---- the book


	public String nextReceipt(int year) {
		return jdbc.sql("SELECT 'SG' || :y || '-' || lpad(nextval('property.fee_receipt_seq')::text, 6, '0')")
			.param("y", year)
			.query(String.class)
			.single();
	}

	public void write(FeeEntry e) {
		jdbc.sql("""
				INSERT INTO property.fee_entry (id, self_run_id, month, kind, amount_cents, description, bill_id, method,
				                                receipt_no, voucher, recorded_by, recorded_by_name, recorded_at)
				VALUES (:id, :s, :m, :kind, :cents, :d, :bill, :method, :receipt, :voucher, :by, :byName, :at)""")
			.param("id", e.id())
			.param("s", e.selfRunId())
			.param("m", Date.valueOf(e.month()))
			.param("kind", e.kind())
			.param("cents", e.amountCents())
			.param("d", e.description())
			.param("bill", e.billId())
			.param("method", e.method())
			.param("receipt", e.receiptNo())
			.param("voucher", e.voucher())
			.param("by", e.recordedBy())
			.param("byName", e.recordedByName())
			.param("at", Timestamp.from(e.recordedAt()))
			.update();
	}

	public Optional<FeeEntry> paymentOf(UUID billId) {
		return jdbc.sql(ENTRY + " WHERE bill_id = :b")
			.param("b", billId)
			.query(JdbcSelfRun::entry)
			.optional();
	}

	/** A month's payments by the bill they paid: the receipts of a list of bills in one read. */
	public java.util.Map<UUID, FeeEntry> payments(UUID selfRunId, LocalDate month) {
		java.util.Map<UUID, FeeEntry> byBill = new java.util.HashMap<>();
		jdbc.sql(ENTRY + " WHERE self_run_id = :s AND month = :m AND kind = 'INCOME'")
			.param("s", selfRunId)
			.param("m", Date.valueOf(month))
			.query(JdbcSelfRun::entry)
			.list()
			.forEach(e -> byBill.put(e.billId(), e));
		return byBill;
	}

	/** The lines of the book between two months, of one kind (INCOME, SPENDING) or all (null), by month and time. */
	public List<FeeEntry> entries(UUID selfRunId, LocalDate fromMonth, LocalDate toMonth, String kind) {
		return jdbc.sql(ENTRY + " WHERE self_run_id = :s AND month BETWEEN :from AND :to"
				+ " AND (CAST(:kind AS varchar) IS NULL OR kind = :kind) ORDER BY month, recorded_at")
			.param("s", selfRunId)
			.param("from", Date.valueOf(fromMonth))
			.param("to", Date.valueOf(toMonth))
			.param("kind", kind)
			.query(JdbcSelfRun::entry)
			.list();
	}

	/** Month by month, income, spending and the balance at the month's end (everything before counted). */
	public List<MonthTotals> months(UUID selfRunId, LocalDate fromMonth, LocalDate toMonth) {
		return jdbc.sql("""
				WITH m AS (SELECT generate_series(CAST(:from AS date), CAST(:to AS date), interval '1 month')::date AS month),
				     t AS (SELECT month,
				                  sum(amount_cents) FILTER (WHERE kind = 'INCOME') AS income,
				                  sum(amount_cents) FILTER (WHERE kind = 'SPENDING') AS spending,
				                  count(*) FILTER (WHERE kind = 'INCOME') AS paid
				             FROM property.fee_entry WHERE self_run_id = :s GROUP BY month)
				SELECT m.month, coalesce(t.income, 0), coalesce(t.spending, 0),
				       (SELECT coalesce(sum(CASE WHEN kind = 'INCOME' THEN amount_cents ELSE -amount_cents END), 0)
				          FROM property.fee_entry e WHERE e.self_run_id = :s AND e.month <= m.month),
				       coalesce(t.paid, 0)
				  FROM m LEFT JOIN t ON t.month = m.month ORDER BY m.month""")
			.param("s", selfRunId)
			.param("from", Date.valueOf(fromMonth))
			.param("to", Date.valueOf(toMonth))
			.query((rs, n) -> new MonthTotals(rs.getDate(1).toLocalDate(), rs.getLong(2), rs.getLong(3), rs.getLong(4),
					rs.getLong(5)))
			.list();
	}

	/** A month's collection in one building: bills issued, paid, exempted. */
	public record Collection(UUID buildingId, String buildingName, String guardianName, long billed, long paid,
			long exempt) {
	}

	public List<Collection> collection(UUID selfRunId, LocalDate month) {
		return jdbc.sql("""
				SELECT b.building_id, b.building_name, b.guardian_name, count(f.id),
				       count(f.id) FILTER (WHERE f.state = 'PAID'), count(f.id) FILTER (WHERE f.state = 'EXEMPT')
				  FROM property.self_run_building b
				  LEFT JOIN property.fee_bill f ON f.self_run_id = b.self_run_id AND f.building_id = b.building_id
				                               AND f.month = :m
				 WHERE b.self_run_id = :s
				 GROUP BY b.building_id, b.building_name, b.guardian_name
				 ORDER BY length(b.building_name), b.building_name""")
			.param("s", selfRunId)
			.param("m", Date.valueOf(month))
			.query((rs, n) -> new Collection(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getLong(4), rs.getLong(5), rs.getLong(6)))
			.list();
	}

	static SelfRun selfRun(ResultSet rs, int n) throws SQLException {
		return new SelfRun(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
				rs.getObject(4, UUID.class), rs.getString(5), rs.getObject(6, UUID.class), rs.getString(7),
				SelfRunKind.valueOf(rs.getString(8)), rs.getInt(9), rs.getTimestamp(10).toInstant());
	}

	static FeeBill bill(ResultSet rs, int n) throws SQLException {
		return new FeeBill(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
				rs.getString(4), rs.getObject(5, UUID.class), rs.getDate(6).toLocalDate(), rs.getLong(7),
				FeeBillState.valueOf(rs.getString(8)), rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant(),
				rs.getObject(10, UUID.class), rs.getString(11), rs.getString(12), rs.getInt(13));
	}

	static FeeEntry entry(ResultSet rs, int n) throws SQLException {
		return new FeeEntry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getDate(3).toLocalDate(),
				rs.getString(4), rs.getLong(5), rs.getString(6), rs.getObject(7, UUID.class), rs.getString(8),
				rs.getString(9), rs.getString(10), rs.getObject(11, UUID.class), rs.getString(12),
				rs.getTimestamp(13).toInstant());
	}
}
