package org.zhizhi.property;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.people.HouseholdUnit;
import org.zhizhi.property.persistence.JdbcSelfRun;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.Ids;
import org.zhizhi.territory.Estate;

/**
 * A self-run estate's paper records brought in (the demo's year of 新河街): the body, its guardians, services and
 * schedule, each month's bills, the payments the guardians collected and the spending — the same rows the steps
 * write, with their receipts, and no actor.
 */
@Component
public class SelfRunHistory {

	private final SelfRunSetup setup;

	private final SelfRunBooks books;

	private final JdbcSelfRun jdbc;

	SelfRunHistory(SelfRunSetup setup, SelfRunBooks books, JdbcSelfRun jdbc) {
		this.setup = setup;
		this.books = books;
		this.jdbc = jdbc;
	}

	@Transactional
	public SelfRun create(DataScope scope, Estate estate, String name, SelfRunKind kind, int threshold, Instant at) {
		return setup.create(scope, estate, name, kind, threshold, at);
	}

	public List<SelfRun.Building> buildings(SelfRun selfRun) {
		return jdbc.buildings(selfRun.id());
	}

	@Transactional
	public void guardian(SelfRun selfRun, SelfRun.Building building, UUID guardianId, String guardianName) {
		jdbc.cover(selfRun.id(), new SelfRun.Building(building.buildingId(), building.buildingName(), guardianId,
				guardianName));
	}

	@Transactional
	public void services(SelfRun selfRun, List<SelfRun.Service> services) {
		for (int i = 0; i < services.size(); i++) {
			jdbc.offer(selfRun.id(), i + 1, services.get(i));
		}
	}

	@Transactional
	public void schedule(SelfRun selfRun, SelfRun.Schedule schedule) {
		jdbc.schedule(UUID.randomUUID(), selfRun.id(), schedule);
	}

	/** The households billed: those living now in the covered buildings. */
	public List<HouseholdUnit> households(SelfRun selfRun) {
		return books.households(selfRun);
	}

	/** A month's bills to these households at that amount. */
	@Transactional
	public List<FeeBill> bill(SelfRun selfRun, YearMonth month, long cents, List<HouseholdUnit> households) {
		books.issue(selfRun, month.atDay(1), cents, households);
		return jdbc.bills(selfRun.id(), month.atDay(1), null);
	}

	/** A bill paid in cash to a guardian on a day, with its receipt. */
	@Transactional
	public void paid(SelfRun selfRun, FeeBill bill, Instant at, UUID by, String byName) {
		bill.pay(at, by, byName);
		jdbc.save(bill);
		jdbc.write(new FeeEntry(Ids.newId(Clock.fixed(at, ZoneOffset.UTC)), selfRun.id(), bill.month(), "INCOME",
				bill.amountCents(), YearMonth.from(bill.month()) + " 自管费", bill.id(), PaymentMethod.CASH.name(),
				jdbc.nextReceipt(LocalDate.ofInstant(at, ZoneOffset.ofHours(8)).getYear()), null, by, byName, at));
	}

	/** A bill exempted by the body's decision. */
	@Transactional
	public void exempted(FeeBill bill, Instant at, UUID by, String byName, String reason) {
		bill.exempt(at, by, byName, reason);
		jdbc.save(bill);
	}

	/** Money spent in a month, with its voucher. */
	@Transactional
	public void spent(SelfRun selfRun, YearMonth month, long cents, String description, String voucher, Instant at,
			UUID by, String byName) {
		jdbc.write(new FeeEntry(Ids.newId(Clock.fixed(at, ZoneOffset.UTC)), selfRun.id(), month.atDay(1), "SPENDING",
				cents, description, null, null, null, voucher, by, byName, at));
	}
}
