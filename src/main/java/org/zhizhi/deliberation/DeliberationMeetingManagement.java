package org.zhizhi.deliberation;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.deliberation.TopicPlaces.Residence;
import org.zhizhi.deliberation.persistence.JdbcDeliberationMeetings;
import org.zhizhi.deliberation.persistence.JdbcTopics;
import org.zhizhi.deliberation.persistence.JdbcTopics.Lock;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.CommandShape;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.Ids;
import org.zhizhi.shared.Role;

/**
 * The commands of deliberation meetings: scheduled once or as a monthly series (each month's meeting scheduled by
 * itself), their agenda built from topics (a topic put on an agenda is on the agenda: admitted if it was not yet),
 * attendees signing in, held with minutes or cancelled — the next meeting of a series scheduled as one ends. Only the
 * desk of the meeting's scope; a resident signs in with the code of a meeting of his community today.
 */
@Service
public class DeliberationMeetingManagement {

	private static final SecureRandom RANDOM = new SecureRandom();

	/** What an agenda may take up: topics not yet decided. */
	static final Set<TopicState> AGENDA_STATES = EnumSet.of(TopicState.RAISED, TopicState.DELIBERATING,
			TopicState.VOTING);

	private final JdbcDeliberationMeetings meetings;

	private final JdbcTopics topics;

	private final TopicPlaces places;

	private final DeliberationManagement deliberation;

	private final CommandShape shape;

	private final Clock clock;

	private final ZoneId zone;

	DeliberationMeetingManagement(JdbcDeliberationMeetings meetings, JdbcTopics topics, TopicPlaces places,
			DeliberationManagement deliberation, CommandShape shape, Clock clock, ZoneId zone) {
		this.meetings = meetings;
		this.topics = topics;
		this.places = places;
		this.deliberation = deliberation;
		this.shape = shape;
		this.clock = clock;
		this.zone = zone;
	}

	/** One meeting on a date, or a monthly series whose first meeting is the next on its day. */
	@Transactional
	public DeliberationMeeting schedule(Actor actor, ScheduleMeeting command) {
		requireDesk(actor);
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate today = LocalDate.now(clock.withZone(zone));
		if (!command.monthly() && command.date() == null) {
			problems.add(new FieldProblem("date", "validation.required"));
		}
		if (!command.monthly() && command.date() != null && command.date().isBefore(today)) {
			problems.add(new FieldProblem("date", "deliberation.closesInPast"));
		}
		if (command.monthly() && command.format() != null && !command.format().monthly()
				&& command.dayOfMonth() == null) {
			problems.add(new FieldProblem("dayOfMonth", "validation.required"));
		}
		shape.check(command, problems);
		Topic.Place place = places.named(actor, command.placeKind(), command.placeId());
		Instant now = clock.instant();
		if (!command.monthly()) {
			DeliberationMeeting meeting = DeliberationMeeting.schedule(Ids.newId(clock), null, command.format(), place,
					command.title().strip(), command.location().strip(),
					command.date().atTime(command.time()).atZone(zone).toInstant(), code(), actor.userId(),
					actor.displayName(), now);
			meetings.insert(meeting);
			return meeting;
		}
		int day = command.dayOfMonth() != null ? command.dayOfMonth() : command.format().defaultDay();
		JdbcDeliberationMeetings.Series series = new JdbcDeliberationMeetings.Series(Ids.newId(clock),
				command.format(), place, command.title().strip(), command.location().strip(), day, command.time(), null);
		meetings.insertSeries(series, now, actor.userId());
		return scheduleNext(series, today, actor.userId(), actor.displayName()).orElseThrow();
	}

	/** Every active series gets its next meeting: the platform's daily round, safe on two nodes at once. */
	@Transactional
	public int scheduleOwedMeetings() {
		int scheduled = 0;
		LocalDate today = LocalDate.now(clock.withZone(zone));
		for (JdbcDeliberationMeetings.Series series : meetings.seriesWithoutNext()) {
			if (scheduleNext(series, today, null, null).isPresent()) {
				scheduled++;
			}
		}
		return scheduled;
	}

	/** The series' next meeting: its day on or after today, and after its latest meeting (held early or not). */
	private java.util.Optional<DeliberationMeeting> scheduleNext(JdbcDeliberationMeetings.Series series,
			LocalDate today, UUID by, String byName) {
		LocalDate from = today;
		if (series.latest() != null) {
			LocalDate afterLatest = LocalDate.ofInstant(series.latest(), zone).plusDays(1);
			from = afterLatest.isAfter(from) ? afterLatest : from;
		}
		LocalDate day = MeetingRhythm.nextOnOrAfter(from, series.dayOfMonth());
		Instant at = day.atTime(series.time()).atZone(zone).toInstant();
		if (at.isBefore(clock.instant())) {
			at = MeetingRhythm.nextOnOrAfter(from.plusDays(1), series.dayOfMonth()).atTime(series.time())
				.atZone(zone).toInstant();
		}
		DeliberationMeeting meeting = DeliberationMeeting.schedule(Ids.newId(clock), series.id(), series.format(),
				series.place(), series.title(), series.location(), at, code(), by, byName, clock.instant());
		return meetings.insert(meeting) ? java.util.Optional.of(meeting) : java.util.Optional.empty();
	}

	@Transactional
	public DeliberationMeeting reschedule(Actor actor, UUID id, LocalDate date, LocalTime time, String location) {
		Instant now = clock.instant();
		return step(actor, id, DeliberationMeetingAction.RESCHEDULE, meeting -> {
			List<FieldProblem> problems = new ArrayList<>();
			if (date == null || date.isBefore(LocalDate.now(clock.withZone(zone)))) {
				problems.add(new FieldProblem("date", date == null ? "validation.required" : "deliberation.closesInPast"));
			}
			if (time == null) {
				problems.add(new FieldProblem("time", "validation.required"));
			}
			if (!problems.isEmpty()) {
				throw DomainException.invalid(problems);
			}
			meeting.reschedule(date.atTime(time).atZone(zone).toInstant(),
					location == null || location.isBlank() ? meeting.location() : location.strip(), actor.userId(),
					actor.displayName(), now);
		});
	}

	/** 上会: a topic of the meeting's place onto its agenda — admitted first if it was only raised. */
	@Transactional
	public void addToAgenda(Actor actor, UUID id, UUID topicId) {
		Instant now = clock.instant();
		DeliberationMeeting meeting = load(actor, id, DeliberationMeetingAction.ADD_TO_AGENDA);
		if (topicId == null) {
			throw DomainException.invalid(List.of(new FieldProblem("topicId", "validation.required")));
		}
		Topic topic = topics.topic(topicId, Lock.NONE)
			.filter(t -> t.place().communityId().equals(meeting.place().communityId()))
			.filter(t -> actor.scope().covers(t.place().scopePath()))
			.filter(t -> AGENDA_STATES.contains(t.state()))
			.orElseThrow(() -> DomainException
				.invalid(List.of(new FieldProblem("topicId", "deliberation.meeting.topicNotForAgenda"))));
		if (topic.state() == TopicState.RAISED) {
			deliberation.admit(actor, topicId);
		}
		if (!meetings.addToAgenda(id, topicId, actor.userId(), now)) {
			throw new DomainException(Category.CONFLICT, "ALREADY_ON_AGENDA", "deliberation.meeting.alreadyOnAgenda");
		}
		meeting.told(DeliberationMeetingAction.ADD_TO_AGENDA, actor.userId(), actor.displayName(), now, topic.title());
		meetings.told(meeting);
	}

	/**
	 * A resident signs his household in with the meeting's code (a meeting of his community, today); the desk ticks an
	 * attendee by name into the meeting it names.
	 */
	@Transactional
	public UUID signIn(Actor actor, UUID id, SignInToMeeting command) {
		Instant now = clock.instant();
		shape.check(command);
		if (actor.has(Role.RESIDENT)) {
			Residence residence = places.residenceOf(actor)
				.orElseThrow(() -> new DomainException(Category.FORBIDDEN, "NO_HOME", "deliberation.noHome"));
			LocalDate today = LocalDate.now(clock.withZone(zone));
			String code = command.code() == null ? "" : command.code().strip();
			DeliberationMeeting meeting = meetings
				.byCode(residence.communityId(), code, today.atStartOfDay(zone).toInstant(),
						today.plusDays(1).atStartOfDay(zone).toInstant())
				.orElseThrow(() -> DomainException
					.invalid(List.of(new FieldProblem("code", "deliberation.meeting.wrongCode"))));
			meeting.check(DeliberationMeetingAction.SIGN_IN);
			if (!meetings.signIn(meeting.id(), residence.home().householdId().toString(),
					residence.home().dwellingLabel(), residence.home().householdId(), "CODE", now)) {
				throw new DomainException(Category.CONFLICT, "ALREADY_SIGNED_IN", "deliberation.meeting.alreadySignedIn");
			}
			meeting.told(DeliberationMeetingAction.SIGN_IN, actor.userId(), actor.displayName(), now, null);
			meetings.told(meeting);
			return meeting.id();
		}
		DeliberationMeeting meeting = load(actor, id, DeliberationMeetingAction.SIGN_IN);
		if (command.name() == null || command.name().isBlank()) {
			throw DomainException.invalid(List.of(new FieldProblem("name", "validation.required")));
		}
		String name = command.name().strip();
		if (!meetings.signIn(id, "name:" + name, name, null, "DESK", now)) {
			throw new DomainException(Category.CONFLICT, "ALREADY_SIGNED_IN", "deliberation.meeting.alreadySignedIn");
		}
		meeting.told(DeliberationMeetingAction.SIGN_IN, actor.userId(), actor.displayName(), now, name);
		meetings.told(meeting);
		return id;
	}

	@Transactional
	public DeliberationMeeting hold(Actor actor, UUID id, HoldMeeting command) {
		Instant now = clock.instant();
		DeliberationMeeting held = step(actor, id, DeliberationMeetingAction.HOLD, meeting -> {
			shape.check(command);
			meeting.hold(command.minutes(), actor.userId(), actor.displayName(), now);
		});
		scheduleOwedMeetings();
		return held;
	}

	@Transactional
	public DeliberationMeeting cancel(Actor actor, UUID id, CancelMeeting command) {
		Instant now = clock.instant();
		DeliberationMeeting cancelled = step(actor, id, DeliberationMeetingAction.CANCEL, meeting -> {
			shape.check(command);
			meeting.cancel(command.reason(), actor.userId(), actor.displayName(), now);
		});
		scheduleOwedMeetings();
		return cancelled;
	}

	private DeliberationMeeting load(Actor actor, UUID id, DeliberationMeetingAction action) {
		requireDesk(actor);
		DeliberationMeeting meeting = meetings.meeting(actor.scope(), id)
			.orElseThrow(() -> DomainException.notFound("meeting"));
		meeting.check(action);
		return meeting;
	}

	private DeliberationMeeting step(Actor actor, UUID id, DeliberationMeetingAction action, Consumer<DeliberationMeeting> change) {
		DeliberationMeeting meeting = load(actor, id, action);
		change.accept(meeting);
		if (!meetings.save(meeting)) {
			DeliberationMeeting now = meetings.meeting(actor.scope(), id).orElseThrow();
			throw DeliberationMeetingLifecycle.TABLE.allows(now.state(), action)
					? new DomainException(Category.CONFLICT, "CHANGED_MEANWHILE", "deliberation.changedMeanwhile")
					: DeliberationMeetingLifecycle.TABLE.illegal(now.state(), action);
		}
		return meeting;
	}

	static void requireDesk(Actor actor) {
		if (!actor.hasAny(DeliberationRoles.DESK)) {
			throw new DomainException(Category.FORBIDDEN, "FORBIDDEN", "problem.forbidden");
		}
	}

	/** Six digits the organiser shows; attendees of that community type them today. */
	private static String code() {
		return String.format("%06d", RANDOM.nextInt(1_000_000));
	}
}
