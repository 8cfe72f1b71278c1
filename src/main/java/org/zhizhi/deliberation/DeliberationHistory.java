package org.zhizhi.deliberation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.deliberation.persistence.JdbcDeliberationMeetings;
import org.zhizhi.deliberation.persistence.JdbcTopics;
import org.zhizhi.deliberation.persistence.TopicRecords;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.Ids;

/**
 * History brought in from before the platform (a community's paper records; the demo's year): the same aggregate
 * steps as the live commands, at the instants they happened, so that no step is written twice and the timeline reads
 * as if it had happened here. Votes so brought in are {@code IMPORTED}.
 */
@Service
public class DeliberationHistory {

	/** A topic's whole course, 提事 to 评事, with what the households decided and how they judged it. */
	public record PastTopic(PlaceKind placeKind, UUID placeId, String title, String description,
			RaisedThrough through, String raisedByName, Instant raisedAt, int rounds, VoteRule rule, Instant votingOpenedAt,
			Instant votingClosedAt, int yes, int no, int abstain, List<PastTask> tasks, int ratings, int stars,
			Instant closedAt) {
	}

	public record PastTask(String title, String owner, LocalDate dueOn, String done, Instant doneAt) {
	}

	/**
	 * What a decided topic raised and spent: each of the first {@code payingHouseholds} households concerned paid
	 * {@code perHousehold}; organisations paid by name; spendings with their vouchers' photos.
	 */
	public record PastFund(java.math.BigDecimal target, java.math.BigDecimal perHousehold, int payingHouseholds,
			List<PastMoney> organisations, List<PastMoney> spendings, byte[] voucher) {
	}

	public record PastMoney(FundSource source, String name, java.math.BigDecimal amount) {
	}

	private final JdbcTopics topics;

	private final TopicRecords records;

	private final JdbcDeliberationMeetings meetings;

	private final TopicPlaces places;

	private final DeliberationMeetingManagement meetingManagement;

	private final org.zhizhi.deliberation.persistence.FundLedger ledger;

	private final org.zhizhi.media.Photos photos;

	private final ZoneId zone;

	DeliberationHistory(JdbcTopics topics, TopicRecords records, JdbcDeliberationMeetings meetings,
			TopicPlaces places, DeliberationMeetingManagement meetingManagement,
			org.zhizhi.deliberation.persistence.FundLedger ledger, org.zhizhi.media.Photos photos, ZoneId zone) {
		this.ledger = ledger;
		this.photos = photos;
		this.topics = topics;
		this.records = records;
		this.meetings = meetings;
		this.places = places;
		this.meetingManagement = meetingManagement;
		this.zone = zone;
	}

	/** Replays a topic's course; {@code by} is the desk that kept the records. Answers the topic's id. */
	@Transactional
	public UUID replay(Actor by, PastTopic past) {
		Topic topic = deliberated(by, past);
		List<Elector> electors = places.householdsConcerned(topic);
		Electorate electorate = TopicPlaces.electorateOf(electors);
		topic = step(topic, t -> t.openVoting(past.rule(), electorate, null, by.userId(), by.displayName(),
				past.votingOpenedAt()));
		records.electors(topic.id(), electors);
		int i = 0;
		for (Elector elector : electors) {
			VoteChoice choice = i < past.yes() ? VoteChoice.YES : i < past.yes() + past.no() ? VoteChoice.NO
					: i < past.yes() + past.no() + past.abstain() ? VoteChoice.ABSTAIN : null;
			if (choice == null) {
				break;
			}
			records.vote(topic.id(), elector.householdId(), choice, "IMPORTED", null, by.userId(), by.displayName(),
					past.votingOpenedAt().plus(Duration.ofMinutes(i)));
			i++;
		}
		Tally tally = records.tally(topic.id(), electorate);
		topic = step(topic, t -> t.closeVoting(tally, by.userId(), by.displayName(), past.votingClosedAt()));
		return carriedOut(by, topic, past, electors);
	}

	/**
	 * Replays a topic a meeting decided ({@link VoteRule#REPRESENTATIVES} or {@link VoteRule#BRANCH}) at
	 * {@code votingClosedAt}, passed, with its minutes; the households concerned, if the register has them, rate it.
	 */
	@Transactional
	public UUID replayDecidedByMeeting(Actor by, PastTopic past, String minutes) {
		Topic topic = step(deliberated(by, past), t -> t.recordDecision(past.rule(), true, minutes, by.userId(),
				by.displayName(), past.votingClosedAt()));
		return carriedOut(by, topic, past, places.householdsConcerned(topic));
	}

	/**
	 * A public matter reported as an incident and turned into a topic (转议事) at {@code at}, on the agenda the next day
	 * and in its {@code rounds} of opinions since: where a topic from an incident stands while the households talk.
	 */
	@Transactional
	public UUID raisedFromIncident(Actor by, PlaceKind kind, UUID placeId, String title, String description,
			UUID incidentId, Instant at, int rounds) {
		Topic.Place place = places.named(by, kind, placeId);
		Topic topic = Topic.raise(idAt(at), place,
				new RaiseTopic(title, description, kind, placeId, RaisedThrough.INCIDENT, incidentId), by.userId(),
				by.displayName(), null, 1, at);
		topics.insert(topic);
		topic = step(topic, t -> t.admit(by.userId(), by.displayName(), at.plus(Duration.ofDays(1))));
		for (int round = 1; round <= rounds; round++) {
			Instant roundAt = at.plus(Duration.ofDays(1 + 3L * round));
			topic = step(topic, t -> t.openRound(by.userId(), by.displayName(), roundAt));
		}
		return topic.id();
	}

	/** Raised, on the agenda the next day, and through its rounds of opinions a week apart. */
	private Topic deliberated(Actor by, PastTopic past) {
		Topic.Place place = places.named(by, past.placeKind(), past.placeId());
		Instant at = past.raisedAt();
		Topic topic = Topic.raise(idAt(at), place, new RaiseTopic(past.title(), past.description(),
				past.placeKind(), past.placeId(), past.through(), null), by.userId(), past.raisedByName(), null, 1, at);
		topics.insert(topic);
		topic = step(topic, t -> t.admit(by.userId(), by.displayName(), past.raisedAt().plus(Duration.ofDays(1))));
		for (int round = 1; round <= past.rounds(); round++) {
			Instant roundAt = past.raisedAt().plus(Duration.ofDays(1 + 7L * round));
			topic = step(topic, t -> t.openRound(by.userId(), by.displayName(), roundAt));
		}
		return topic;
	}

	/** The decision's tasks done one after the other, the households' ratings, and the topic closed. */
	private UUID carriedOut(Actor by, Topic decided, PastTopic past, List<Elector> electors) {
		Topic topic = decided;
		Instant last = past.votingClosedAt();
		for (PastTask task : past.tasks()) {
			UUID taskId = idAt(last);
			Instant added = last.plus(Duration.ofHours(1));
			topic = step(topic, t -> t.addTask(task.title(), by.userId(), by.displayName(), added));
			records.task(taskId, topic.id(), task.title(), task.owner(), task.dueOn(), TaskKind.PLAIN, null, null,
					by.userId(), added);
			records.completeTask(topic.id(), taskId, task.done(), by.userId(), by.displayName(), task.doneAt());
			last = task.doneAt();
		}
		Instant finished = last.plus(Duration.ofDays(1));
		topic = step(topic, t -> t.finishExecution(0, by.userId(), by.displayName(), finished));
		for (int r = 0; r < past.ratings() && r < electors.size(); r++) {
			records.rate(topic.id(), electors.get(r).householdId(), past.stars(), null, by.userId(),
					finished.plus(Duration.ofHours(r + 1)));
		}
		topic = step(topic, t -> t.close(by.userId(), by.displayName(), past.closedAt()));
		return topic.id();
	}

	/** A topic's course with its co-funding: the fund opened when the decision was taken, paid in, spent. */
	@Transactional
	public UUID replay(Actor by, PastTopic past, PastFund fund) {
		UUID id = replay(by, past);
		Instant opened = past.votingClosedAt().plus(Duration.ofMinutes(30));
		ledger.open(id, fund.target(), fund.perHousehold(), opened, by.userId());
		Topic topic = topics.topic(id, JdbcTopics.Lock.NONE).orElseThrow();
		List<Elector> households = places.householdsConcerned(topic);
		for (int i = 0; i < fund.payingHouseholds() && i < households.size(); i++) {
			Elector household = households.get(i);
			ledger.record(idAt(opened.plusSeconds(i)), id, FundEntryKind.PAYMENT, FundSource.HOUSEHOLD,
					household.householdId(), household.dwellingLabel(), fund.perHousehold(), null, null, by.userId(),
					opened.plus(Duration.ofDays(1 + i % 20)));
		}
		int n = 0;
		for (PastMoney money : fund.organisations()) {
			ledger.record(idAt(opened.plusSeconds(10_000 + n)), id, FundEntryKind.PAYMENT, money.source(), null,
					money.name(), money.amount(), null, null, by.userId(), opened.plus(Duration.ofDays(21 + n++)));
		}
		UUID voucher = fund.spendings().isEmpty() ? null : photos.store(fund.voucher()).id();
		for (PastMoney money : fund.spendings()) {
			ledger.record(idAt(opened.plusSeconds(20_000 + n)), id, FundEntryKind.SPENDING, null, null, money.name(),
					money.amount(), voucher, null, by.userId(), opened.plus(Duration.ofDays(25 + n++)));
		}
		return id;
	}

	/**
	 * A monthly series with its meetings held in the months before this one, with their minutes (the agenda of the
	 * month a topic was decided in names it), and its next meeting scheduled.
	 */
	@Transactional
	public UUID monthlySeries(Actor by, MeetingFormat format, PlaceKind kind, UUID placeId, String title,
			String location, LocalTime time, YearMonth firstMonth, YearMonth untilMonth, List<String> minutes,
			List<UUID> agendaTopics, Instant now) {
		Topic.Place place = places.named(by, kind, placeId);
		JdbcDeliberationMeetings.Series series = new JdbcDeliberationMeetings.Series(idAt(now), format, place,
				title, location, format.defaultDay(), time, null);
		meetings.insertSeries(series, now, by.userId());
		int n = 0;
		for (YearMonth month = firstMonth; !month.isAfter(untilMonth); month = month.plusMonths(1), n++) {
			Instant at = MeetingRhythm.dayIn(month, format.defaultDay()).atTime(time).atZone(zone).toInstant();
			DeliberationMeeting meeting = DeliberationMeeting.schedule(idAt(at), series.id(), format, place,
					title, location, at, "000000", by.userId(), by.displayName(), at.minus(Duration.ofDays(20)));
			meetings.insert(meeting);
			if (n < agendaTopics.size() && agendaTopics.get(n) != null) {
				meetings.addToAgenda(meeting.id(), agendaTopics.get(n), by.userId(), at.minus(Duration.ofDays(3)));
			}
			meeting.hold(minutes.get(n % minutes.size()), by.userId(), by.displayName(), at.plus(Duration.ofHours(2)));
			meetings.save(meeting);
		}
		meetingManagement.scheduleOwedMeetings();
		return series.id();
	}

	/** One meeting that was held, with its minutes and who came (names as the desk wrote them). */
	@Transactional
	public UUID heldMeeting(Actor by, MeetingFormat format, PlaceKind kind, UUID placeId, String title,
			String location, Instant at, String meetingMinutes, List<String> attendees) {
		return heldMeeting(by, format, kind, placeId, title, location, at, meetingMinutes, attendees, List.of());
	}

	/** One meeting that was held, with the topics it heard on its agenda. */
	@Transactional
	public UUID heldMeeting(Actor by, MeetingFormat format, PlaceKind kind, UUID placeId, String title,
			String location, Instant at, String meetingMinutes, List<String> attendees, List<UUID> agendaTopics) {
		Topic.Place place = places.named(by, kind, placeId);
		DeliberationMeeting meeting = DeliberationMeeting.schedule(idAt(at), null, format, place, title, location, at,
				"000000", by.userId(), by.displayName(), at.minus(Duration.ofDays(7)));
		meetings.insert(meeting);
		for (UUID topic : agendaTopics) {
			meetings.addToAgenda(meeting.id(), topic, by.userId(), at.minus(Duration.ofDays(3)));
		}
		for (String name : attendees) {
			meetings.signIn(meeting.id(), "name:" + name, name, null, "DESK", at);
		}
		meeting.hold(meetingMinutes, by.userId(), by.displayName(), at.plus(Duration.ofHours(2)));
		meetings.save(meeting);
		return meeting.id();
	}

	/** A time-ordered id of the moment the thing happened, as the live commands would have made it then. */
	private static UUID idAt(Instant at) {
		return Ids.newId(java.time.Clock.fixed(at, java.time.ZoneOffset.UTC));
	}

	private Topic step(Topic topic, java.util.function.Consumer<Topic> change) {
		change.accept(topic);
		if (!topics.save(topic)) {
			throw new IllegalStateException("a replayed topic changed meanwhile: " + topic.id());
		}
		return topic;
	}
}
