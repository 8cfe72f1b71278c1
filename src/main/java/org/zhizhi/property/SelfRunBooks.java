package org.zhizhi.property;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.context.MessageSource;
import org.zhizhi.notification.Notice;
import org.zhizhi.notification.Notifications;
import org.zhizhi.people.HouseholdUnit;
import org.zhizhi.people.PeopleQueries;
import org.zhizhi.property.persistence.JdbcSelfRun;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.CommandShape;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.HasText;
import org.zhizhi.shared.Ids;
import org.zhizhi.shared.TextLength;

/**
 * A self-run estate's money (seed 001, 新河街: 380 households pay ¥10 a month for 2 cleaners; guardians collect and
 * supervise the fees). The desk issues a month's bills to the households living in the buildings the body covers, at
 * the schedule the residents decided; the guardian of a building collects cash (a receipt is written), the desk
 * records a transfer or exempts a bill by the body's decision; the desk writes spending with its voucher. Every yuan
 * is a line of an insert-only book; what anyone may see is the month's totals and what the money went on — a
 * household's own bill only its guardian and the desk.
 */
@Service
public class SelfRunBooks {

	/** What a fee reminder is about: the household's bill, whose payment or exemption settles the reminder. */
	static final String BILL = "FEE_BILL";


	public record Payment(@NotNull(message = "{validation.required}") PaymentMethod method) {
	}

	public record Exemption(@HasText(message = "{validation.required}") @TextLength(min = 2, max = 200,
			message = "{property.fees.length}") String reason) {
	}

	public record Spending(@NotNull(message = "{validation.required}") YearMonth month,
			@NotNull(message = "{validation.required}") @Min(value = 1, message = "{property.fees.amount}")
			@Max(value = 100_000_000, message = "{property.fees.amount}") Long amountCents,
			@HasText(message = "{validation.required}") @TextLength(min = 2, max = 200,
					message = "{property.fees.length}") String description,
			@HasText(message = "{validation.required}") @TextLength(min = 1, max = 60,
					message = "{property.fees.length}") String voucher) {
	}

	/** A bill as its guardian and the desk see it, with what the reader may do and its receipt when paid. */
	public record BillView(UUID id, String dwellingLabel, UUID buildingId, LocalDate month, long amountCents,
			FeeBillState state, String settledByName, Instant settledAt, String exemptReason, String receiptNo,
			String method, Set<FeeBillAction> allowedActions) {
	}

	/** A building's collection in a month; {@code flagged} when a finished month fell below the body's threshold. */
	public record BuildingCollection(UUID buildingId, String buildingName, String guardianName, long billed, long paid,
			long exempt, int ratePercent, boolean flagged) {
	}

	/** What anyone may read of a self-run estate: its body, services, schedule, and a year of monthly accounts. */
	public record PublicBook(SelfRun selfRun, List<SelfRun.Service> services, SelfRun.Schedule schedule,
			List<MonthTotals> months, List<SpendingLine> spending) {
	}

	public record SpendingLine(LocalDate month, long amountCents, String description, String voucher) {
	}

	private final JdbcSelfRun books;

	private final PeopleQueries people;

	private final CommandShape shape;

	private final Notifications notifications;

	private final MessageSource messages;

	private final Clock clock;

	private final ZoneId zone;

	SelfRunBooks(JdbcSelfRun books, PeopleQueries people, CommandShape shape, Notifications notifications,
			MessageSource messages, Clock clock, ZoneId zone) {
		this.notifications = notifications;
		this.messages = messages;
		this.books = books;
		this.people = people;
		this.shape = shape;
		this.clock = clock;
		this.zone = zone;
	}

	/**
	 * Issues a month's bills to every household living now in the covered buildings, at the schedule in force that
	 * month; a household billed already is skipped, so issuing twice (or on two nodes) bills once. Answers how many
	 * were issued now.
	 */
	@Transactional
	public int issueBills(Actor actor, UUID estateId, YearMonth month) {
		SelfRun selfRun = deskOf(actor, estateId);
		LocalDate first = month.atDay(1);
		if (month.isAfter(YearMonth.now(clock.withZone(zone)))) {
			throw DomainException.invalid(List.of(new FieldProblem("month", "property.fees.futureMonth")));
		}
		SelfRun.Schedule schedule = books.scheduleFor(selfRun.id(), first)
			.orElseThrow(() -> new DomainException(Category.CONFLICT, "NO_SCHEDULE", "property.fees.noSchedule"));
		return issue(selfRun, first, schedule.monthlyCents(), households(selfRun));
	}

	int issue(SelfRun selfRun, LocalDate month, long cents, List<HouseholdUnit> households) {
		int issued = 0;
		for (HouseholdUnit h : households) {
			if (books.issue(new FeeBill(Ids.newId(clock), selfRun.id(), h.householdId(), h.dwellingLabel(),
					h.buildingId(), month, cents, FeeBillState.OPEN, null, null, null, null, 0))) {
				issued++;
			}
		}
		return issued;
	}

	/** The households living now in the buildings the body covers (people's register, no names). */
	List<HouseholdUnit> households(SelfRun selfRun) {
		List<UUID> buildings = books.buildings(selfRun.id()).stream().map(SelfRun.Building::buildingId).toList();
		return people.householdsLivingIn(new DataScope(selfRun.districtId(), selfRun.scopePath()), buildings);
	}

	/** A bill paid: cash to the building's guardian (or the desk), a transfer recorded by the desk; a receipt written. */
	@Transactional
	public BillView pay(Actor actor, UUID estateId, UUID billId, Payment command) {
		SelfRun selfRun = visible(actor, estateId);
		FeeBill bill = books.bill(billId).filter(b -> b.selfRunId().equals(selfRun.id()))
			.orElseThrow(() -> DomainException.notFound("bill"));
		FeeBillPolicy.Relation relation = relation(actor, selfRun, bill.buildingId());
		FeeBillPolicy.require(actor, bill, relation, FeeBillAction.PAY);
		shape.check(command);
		if (command.method() == PaymentMethod.TRANSFER && !relation.desk()) {
			throw DomainException.invalid(List.of(new FieldProblem("method", "property.fees.transferByDesk")));
		}
		Instant now = clock.instant();
		bill.pay(now, actor.userId(), actor.displayName());
		if (!books.save(bill)) {
			throw new DomainException(Category.CONFLICT, "CHANGED_MEANWHILE", "property.fees.changedMeanwhile");
		}
		notifications.settle(BILL, bill.id(), bill.state().name(), List.of());
		if (bill.amountCents() > 0) {
			books.write(new FeeEntry(Ids.newId(clock), selfRun.id(), bill.month(), "INCOME", bill.amountCents(),
					YearMonth.from(bill.month()) + " 自管费", bill.id(), command.method().name(),
					books.nextReceipt(LocalDate.ofInstant(now, zone).getYear()), null, actor.userId(),
					actor.displayName(), now));
		}
		return view(actor, selfRun, bill);
	}

	/** A bill exempted by the body's decision (the desk records it with the reason). */
	@Transactional
	public BillView exempt(Actor actor, UUID estateId, UUID billId, Exemption command) {
		SelfRun selfRun = visible(actor, estateId);
		FeeBill bill = books.bill(billId).filter(b -> b.selfRunId().equals(selfRun.id()))
			.orElseThrow(() -> DomainException.notFound("bill"));
		FeeBillPolicy.require(actor, bill, relation(actor, selfRun, bill.buildingId()), FeeBillAction.EXEMPT);
		shape.check(command);
		bill.exempt(clock.instant(), actor.userId(), actor.displayName(), command.reason().strip());
		if (!books.save(bill)) {
			throw new DomainException(Category.CONFLICT, "CHANGED_MEANWHILE", "property.fees.changedMeanwhile");
		}
		notifications.settle(BILL, bill.id(), bill.state().name(), List.of());
		return view(actor, selfRun, bill);
	}

	/** What a reminder did: households still owing that month, those told today, the accounts their messages went to. */
	public record Reminded(int owing, int remindedNow, int accountsTold) implements java.io.Serializable {
	}

	/**
	 * Reminds the households that have not paid a month's bill: each household's accounts get a message in their inbox
	 * (once a day per bill, however often the desk presses); households without an account are the guardian's to
	 * visit — his list shows them as 未缴.
	 */
	@Transactional
	public Reminded remind(Actor actor, UUID estateId, YearMonth month) {
		SelfRun selfRun = deskOf(actor, estateId);
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, zone);
		List<FeeBill> owing = books.bills(selfRun.id(), month.atDay(1), null)
			.stream()
			.filter(b -> b.state() == FeeBillState.OPEN)
			.toList();
		List<FeeBill> remindedNow = owing.stream().filter(b -> books.remind(b.id(), today, actor.userId(), now)).toList();
		java.util.Map<UUID, List<UUID>> byHousehold = remindedNow.isEmpty() ? java.util.Map.of()
				: people.accountsByHousehold(remindedNow.stream().map(FeeBill::householdId).toList());
		int told = 0;
		for (FeeBill bill : remindedNow) {
			List<UUID> accounts = byHousehold.getOrDefault(bill.householdId(), List.of());
			if (accounts.isEmpty()) {
				continue;
			}
			String amount = java.math.BigDecimal.valueOf(bill.amountCents(), 2).stripTrailingZeros().toPlainString();
			// about the household's own bill: paid or exempted, the reminder is done in its inbox (issue 15)
			told += notifications.notify(accounts, new Notice("FEE_REMINDER",
					messages.getMessage("property.fees.inbox.title", new Object[] { selfRun.estateName() },
							java.util.Locale.SIMPLIFIED_CHINESE),
					messages.getMessage("property.fees.inbox.body", new Object[] { month.toString(), amount },
							java.util.Locale.SIMPLIFIED_CHINESE),
					"/public/self-run/" + selfRun.estateId(), selfRun.districtId())
				.about(BILL, bill.id(), FeeBillState.OPEN.name()));
		}
		return new Reminded(owing.size(), remindedNow.size(), told);
	}

	/** Spending with its voucher (the cleaners' wages, materials), written by the desk. */
	@Transactional
	public void spend(Actor actor, UUID estateId, Spending command) {
		SelfRun selfRun = deskOf(actor, estateId);
		shape.check(command);
		Instant now = clock.instant();
		books.write(new FeeEntry(Ids.newId(clock), selfRun.id(), command.month().atDay(1), "SPENDING",
				command.amountCents(), command.description().strip(), null, null, null, command.voucher().strip(),
				actor.userId(), actor.displayName(), now));
	}

	/** A month's bills of one building (or all) for its guardian and the desk; nothing of them for anyone else. */
	@Transactional(readOnly = true)
	public List<BillView> bills(Actor actor, UUID estateId, YearMonth month, UUID buildingId) {
		SelfRun selfRun = visible(actor, estateId);
		// the buildings he guards and the month's receipts read once for the list, not once a bill
		Set<UUID> guarded = guardedBuildings(actor, selfRun);
		boolean desk = desk(actor, selfRun);
		java.util.Map<UUID, FeeEntry> receipts = books.payments(selfRun.id(), month.atDay(1));
		List<BillView> views = new ArrayList<>();
		for (FeeBill bill : books.bills(selfRun.id(), month.atDay(1), buildingId)) {
			FeeBillPolicy.Relation relation = new FeeBillPolicy.Relation(guarded.contains(bill.buildingId()), desk);
			if (relation.desk() || relation.guardian()) {
				views.add(view(actor, bill, relation, Optional.ofNullable(receipts.get(bill.id()))));
			}
		}
		return views;
	}

	/**
	 * The month's exemptions decided by the group, for the desk (who decides them) only: who, why, who recorded it and
	 * when — what a group reads out at its next meeting.
	 */
	@Transactional(readOnly = true)
	public List<BillView> exemptions(Actor actor, UUID estateId, YearMonth month) {
		SelfRun selfRun = visible(actor, estateId);
		if (!desk(actor, selfRun)) {
			return List.of();
		}
		FeeBillPolicy.Relation relation = new FeeBillPolicy.Relation(false, true);
		return books.exemptions(selfRun.id(), month.atDay(1)).stream()
			.map(b -> view(actor, b, relation, Optional.empty()))
			.toList();
	}

	/** Each building's collection in a month, for the desk and the guardians; finished months below the line flagged. */
	@Transactional(readOnly = true)
	public List<BuildingCollection> collection(Actor actor, UUID estateId, YearMonth month) {
		SelfRun selfRun = visible(actor, estateId);
		if (!desk(actor, selfRun) && !guardian(actor, selfRun)) {
			return List.of();
		}
		boolean finished = month.isBefore(YearMonth.now(clock.withZone(zone)));
		return books.collection(selfRun.id(), month.atDay(1))
			.stream()
			.map(c -> {
				int rate = rate(c.paid(), c.billed() - c.exempt());
				return new BuildingCollection(c.buildingId(), c.buildingName(), c.guardianName(), c.billed(), c.paid(),
						c.exempt(), rate, finished && c.billed() > 0 && rate < selfRun.thresholdPercent());
			})
			.toList();
	}

	/**
	 * The fee collection of every self-run body of a scope in a month: the sums of the lines {@link #collection} gives
	 * body by body (what {@code /m/fees} shows the desk one estate at a time), the rate by the same rule over the sums
	 * — null while nothing is due (no bill issued yet), since a scope without bills has collected nothing, not all.
	 *
	 * @param flagged buildings of a finished month below their body's threshold
	 */
	public record ScopeCollection(YearMonth month, int bodies, int buildings, long billed, long paid, long exempt,
			Integer ratePercent, int flagged) {

		/** The sums of the buildings' lines of a month's bodies, the rate by {@link SelfRunBooks#rate}'s rule. */
		static ScopeCollection of(YearMonth month, int bodies, List<BuildingCollection> buildings) {
			long billed = 0;
			long paid = 0;
			long exempt = 0;
			int flagged = 0;
			for (BuildingCollection c : buildings) {
				billed += c.billed();
				paid += c.paid();
				exempt += c.exempt();
				flagged += c.flagged() ? 1 : 0;
			}
			long due = billed - exempt;
			return new ScopeCollection(month, bodies, buildings.size(), billed, paid, exempt,
					due <= 0 ? null : rate(paid, due), flagged);
		}
	}

	/** For the desk of a scope ({@code GET /api/v1/property/fee-collection}, the big screen). */
	@Transactional(readOnly = true)
	public ScopeCollection collectionOfScope(Actor actor, YearMonth month) {
		if (!actor.hasAny(SelfRunRoles.DESK)) {
			throw new DomainException(Category.FORBIDDEN, "FORBIDDEN", "problem.forbidden");
		}
		List<SelfRun> bodies = books.inScope(actor.scope());
		List<BuildingCollection> buildings = new ArrayList<>();
		for (SelfRun body : bodies) {
			buildings.addAll(collection(actor, body.estateId(), month));
		}
		return ScopeCollection.of(month, bodies.size(), buildings);
	}

	/** The share paid, in whole percent rounded down (no bill due: 100). */
	static int rate(long paid, long due) {
		return due <= 0 ? 100 : (int) (paid * 100 / due);
	}

	/** What anyone reads of a self-run estate: no household, no person's amount. */
	@Transactional(readOnly = true)
	public Optional<PublicBook> publicBook(UUID estateId, Integer askedYear) {
		return books.ofEstate(estateId).map(selfRun -> {
			YearMonth now = YearMonth.now(clock.withZone(zone));
			int year = askedYear == null ? now.getYear() : askedYear;
			// the year's months since the first fee (before it there is nothing to show)
			LocalDate firstFee = books.firstScheduleMonth(selfRun.id()).orElse(now.atDay(1));
			LocalDate from = firstFee.getYear() == year ? firstFee : LocalDate.of(year, 1, 1);
			LocalDate to = year == now.getYear() ? now.atDay(1) : LocalDate.of(year, 12, 1);
			return new PublicBook(selfRun, books.services(selfRun.id()),
					books.scheduleFor(selfRun.id(), to).orElse(null),
					to.isBefore(from) ? List.of() : books.months(selfRun.id(), from, to),
					to.isBefore(from) ? List.of()
							: books.entries(selfRun.id(), from, to, "SPENDING")
								.stream()
								.map(e -> new SpendingLine(e.month(), e.amountCents(), e.description(), e.voucher()))
								.toList());
		});
	}

	/** This month, as the platform's clock has it. */
	public YearMonth thisMonth() {
		return YearMonth.now(clock.withZone(zone));
	}

	/** A year's book line by line (receipts and vouchers, no household), for the desk and the guardians. */
	@Transactional(readOnly = true)
	public List<FeeEntry> ledger(Actor actor, UUID estateId, int year) {
		SelfRun selfRun = visible(actor, estateId);
		return books.entries(selfRun.id(), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 1), null);
	}

	/** The self-run estates the actor keeps (the desk's scope) or guards a building of. */
	@Transactional(readOnly = true)
	public List<SelfRun> mine(Actor actor) {
		List<SelfRun> found = new ArrayList<>(books.guardedBy(actor.userId()));
		if (actor.hasAny(SelfRunRoles.DESK)) {
			books.inScope(actor.scope()).stream().filter(s -> !found.contains(s)).forEach(found::add);
		}
		return found;
	}

	@Transactional(readOnly = true)
	public List<SelfRun.Building> buildings(Actor actor, UUID estateId) {
		return books.buildings(visible(actor, estateId).id());
	}

	/** Whether the actor may keep the books (issue bills, write spending, exempt). */
	public boolean keeps(Actor actor, UUID estateId) {
		return books.ofEstate(estateId).map(s -> desk(actor, s)).orElse(false);
	}

	private BillView view(Actor actor, SelfRun selfRun, FeeBill bill) {
		return view(actor, bill, relation(actor, selfRun, bill.buildingId()),
				bill.state() == FeeBillState.PAID ? books.paymentOf(bill.id()) : Optional.empty());
	}

	private BillView view(Actor actor, FeeBill bill, FeeBillPolicy.Relation relation, Optional<FeeEntry> payment) {
		return new BillView(bill.id(), bill.dwellingLabel(), bill.buildingId(), bill.month(), bill.amountCents(),
				bill.state(), bill.settledByName(), bill.settledAt(), bill.exemptReason(),
				payment.map(FeeEntry::receiptNo).orElse(null), payment.map(FeeEntry::method).orElse(null),
				FeeBillPolicy.allowedActions(actor, bill, relation));
	}

	FeeBillPolicy.Relation relation(Actor actor, SelfRun selfRun, UUID buildingId) {
		return new FeeBillPolicy.Relation(guardedBuildings(actor, selfRun).contains(buildingId), desk(actor, selfRun));
	}

	/** The buildings of the body whose guardian the actor is. */
	private Set<UUID> guardedBuildings(Actor actor, SelfRun selfRun) {
		return books.buildings(selfRun.id())
			.stream()
			.filter(b -> actor.userId().equals(b.guardianId()))
			.map(SelfRun.Building::buildingId)
			.collect(java.util.stream.Collectors.toSet());
	}

	private boolean desk(Actor actor, SelfRun selfRun) {
		return actor.hasAny(SelfRunRoles.DESK) && actor.scope().covers(selfRun.scopePath());
	}

	private boolean guardian(Actor actor, SelfRun selfRun) {
		return books.buildings(selfRun.id()).stream().anyMatch(b -> actor.userId().equals(b.guardianId()));
	}

	/** The body of an estate, for its desk and its guardians; a 404 for anyone else. */
	private SelfRun visible(Actor actor, UUID estateId) {
		return books.ofEstate(estateId)
			.filter(s -> desk(actor, s) || guardian(actor, s))
			.orElseThrow(() -> DomainException.notFound("selfRun"));
	}

	private SelfRun deskOf(Actor actor, UUID estateId) {
		SelfRun selfRun = visible(actor, estateId);
		if (!desk(actor, selfRun)) {
			throw new DomainException(Category.FORBIDDEN, "FORBIDDEN", "problem.forbidden");
		}
		return selfRun;
	}
}
