package org.zhizhi.deliberation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.deliberation.TopicPlaces.Residence;
import org.zhizhi.deliberation.persistence.FundLedger;
import org.zhizhi.deliberation.persistence.JdbcTopics;
import org.zhizhi.deliberation.persistence.JdbcTopics.Lock;
import org.zhizhi.deliberation.persistence.TopicRecords;
import org.zhizhi.media.Photos;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.CommandShape;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.Ids;
import org.zhizhi.shared.Role;

/**
 * 共筹 (co-funding) for what a topic decided — the seeds' path: ¥30 a household, ¥25,000 from 民泰基金, ¥18,000 from
 * the street. The desk opens the fund and records payments (with receipts) and spendings (with vouchers); a household
 * pledges its share on its phone. The ledger is insert-only; its accounts are the households' to read.
 */
@Service
public class CoFunding {

	private final JdbcTopics topics;

	private final TopicRecords records;

	private final FundLedger ledger;

	private final TopicPlaces places;

	private final Photos photos;

	private final CommandShape shape;

	private final Clock clock;

	CoFunding(JdbcTopics topics, TopicRecords records, FundLedger ledger, TopicPlaces places, Photos photos,
			CommandShape shape, Clock clock) {
		this.topics = topics;
		this.records = records;
		this.ledger = ledger;
		this.places = places;
		this.photos = photos;
		this.shape = shape;
		this.clock = clock;
	}

	@Transactional
	public void open(Actor actor, UUID topicId, OpenFund command) {
		Instant now = clock.instant();
		Topic topic = load(actor, topicId, TopicAction.OPEN_FUND).topic();
		shape.check(command);
		if (!ledger.open(topicId, command.target(), command.perHousehold(), now, actor.userId())) {
			throw new DomainException(Category.CONFLICT, "FUND_OPEN", "deliberation.fund.open");
		}
		topic.told(TopicAction.OPEN_FUND, actor.userId(), actor.displayName(), now, "目标 ¥" + command.target());
		topics.told(topic);
	}

	/**
	 * A line of the ledger. A resident pledges for his own household only (his household's share unless he says
	 * more); the desk records payments, spendings — with the voucher's photo — and pledges made on paper.
	 */
	@Transactional
	public void record(Actor actor, UUID topicId, RecordFundEntry command, byte[] voucher) {
		Instant now = clock.instant();
		TopicAction action = command.kind() == null ? TopicAction.PLEDGE : switch (command.kind()) {
			case PLEDGE -> actor.has(Role.RESIDENT) ? TopicAction.PLEDGE : TopicAction.RECORD_PAYMENT;
			case PAYMENT -> TopicAction.RECORD_PAYMENT;
			case SPENDING -> TopicAction.RECORD_SPENDING;
		};
		Loaded loaded = load(actor, topicId, action);
		List<FieldProblem> problems = new ArrayList<>();
		UUID household = null;
		String name = command.sourceName() == null ? null : command.sourceName().strip();
		FundSource source = command.source();
		if (actor.has(Role.RESIDENT)) {
			household = loaded.household();
			source = FundSource.HOUSEHOLD;
			name = loaded.dwellingLabel();
		}
		else if (command.kind() == FundEntryKind.SPENDING) {
			source = null;
			if (name == null || name.isEmpty()) {
				problems.add(new FieldProblem("sourceName", "validation.required"));
			}
			if (voucher == null || voucher.length == 0) {
				problems.add(new FieldProblem("voucher", "deliberation.fund.voucherNeeded"));
			}
		}
		else if (source == FundSource.HOUSEHOLD) {
			household = command.householdId();
			Optional<String> label = household == null ? Optional.empty()
					: places.householdsConcerned(loaded.topic())
						.stream()
						.filter(e -> e.householdId().equals(command.householdId()))
						.map(Elector::dwellingLabel)
						.findFirst();
			if (label.isEmpty()) {
				problems.add(new FieldProblem("householdId", "deliberation.fund.notAHouseholdOfTopic"));
			}
			name = label.orElse(null);
		}
		else if (source == null) {
			problems.add(new FieldProblem("source", "validation.required"));
		}
		else if (name == null || name.isEmpty()) {
			problems.add(new FieldProblem("sourceName", "validation.required"));
		}
		shape.check(command, problems);
		UUID voucherId = command.kind() == FundEntryKind.SPENDING ? photos.store(voucher).id() : null;
		String note = command.note() == null || command.note().isBlank() ? null : command.note().strip();
		if (!ledger.record(Ids.newId(clock), topicId, command.kind(), source, household, name, command.amount(),
				voucherId, note, actor.userId(), now)) {
			throw new DomainException(Category.CONFLICT, "ALREADY_PLEDGED", "deliberation.fund.alreadyPledged");
		}
		loaded.topic().told(action, actor.userId(), actor.displayName(), now, name + " ¥" + command.amount());
		topics.told(loaded.topic());
	}

	/** The accounts, for whoever may read the topic; empty if it has no fund. */
	@Transactional(readOnly = true)
	public Optional<FundView> accounts(UUID topicId) {
		return ledger.fund(topicId).map(fund -> FundView.of(fund, ledger.totals(topicId), ledger.entries(topicId)));
	}

	private record Loaded(Topic topic, UUID household, String dwellingLabel) {
	}

	private Loaded load(Actor actor, UUID topicId, TopicAction action) {
		Topic topic = topics.topic(topicId, Lock.NONE).orElseThrow(() -> DomainException.notFound("topic"));
		Residence residence = actor.has(Role.RESIDENT) ? places.residenceOf(actor).orElse(null) : null;
		UUID household = TopicPlaces.concerns(topic, residence) ? residence.home().householdId() : null;
		TopicPolicy.require(actor, topic, DeliberationManagement.relation(actor, topic, household, records), action);
		topic.check(action);
		return new Loaded(topic, household, household == null ? null : residence.home().dwellingLabel());
	}
}
