package org.zhizhi.deliberation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.deliberation.TopicPlaces.Residence;
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
 * The commands of 提事、议事、决事、执事、评事. Each reads the topic (locked where it must not overlap a vote), asks
 * {@link TopicPolicy} whether this person may, the topic's state whether it may now, the command's shape, then calls
 * the {@link Topic}'s step and saves it against the version read — the row count decides a race — or, for what
 * households do one row each (co-sign, vote, rate), lets that row's key decide. All in one transaction.
 */
@Service
@EnableConfigurationProperties(DeliberationProperties.class)
public class DeliberationManagement {

	private final JdbcTopics topics;

	private final TopicRecords records;

	private final org.zhizhi.incident.IncidentQueries incidents;

	private final TopicPlaces places;

	private final Photos photos;

	private final CommandShape shape;

	private final DeliberationProperties properties;

	private final Clock clock;

	private final ZoneId zone;

	private final TaskLinks links;

	DeliberationManagement(JdbcTopics topics, TopicRecords records, TopicPlaces places, Photos photos,
			CommandShape shape, DeliberationProperties properties, Clock clock, ZoneId zone,
			org.zhizhi.incident.IncidentQueries incidents, TaskLinks links) {
		this.incidents = incidents;
		this.links = links;
		this.topics = topics;
		this.records = records;
		this.places = places;
		this.photos = photos;
		this.shape = shape;
		this.properties = properties;
		this.clock = clock;
		this.zone = zone;
	}

	/** 提事: a resident about his own home's place, or staff for a place of their scope; his household co-signs first. */
	@Transactional
	public Topic raise(Actor actor, RaiseTopic command) {
		if (!actor.hasAny(DeliberationRoles.RAISERS)) {
			throw new DomainException(Category.FORBIDDEN, "FORBIDDEN", "problem.forbidden");
		}
		Residence residence = null;
		Topic.Place place;
		if (actor.has(Role.RESIDENT)) {
			residence = places.residenceOf(actor).orElseThrow(DeliberationManagement::noHome);
			shape.check(command);
			place = places.ofResidence(actor, residence, command.placeKind());
		}
		else {
			List<FieldProblem> problems = new ArrayList<>();
			if (command.placeId() == null) {
				problems.add(new FieldProblem("placeId", "validation.required"));
			}
			if (command.incidentId() != null) {
				// 三事分流: a public or community matter may become the residents' topic; a private one may not
				incidents.view(actor.scope(), command.incidentId()).ifPresentOrElse(incident -> {
					if (incident.triage() == null || incident.triage() == org.zhizhi.incident.Triage.PRIVATE) {
						problems.add(new FieldProblem("incidentId", "deliberation.incidentNotPublic"));
					}
				}, () -> problems.add(new FieldProblem("incidentId", "deliberation.incidentNotFound")));
				if (topics.ofIncident(command.incidentId()).isPresent()) {
					throw new DomainException(Category.CONFLICT, "ALREADY_A_TOPIC", "deliberation.alreadyATopic");
				}
			}
			shape.check(command, problems);
			place = places.named(actor, command.placeKind(), command.placeId());
			if (command.incidentId() != null) {
				command = new RaiseTopic(command.title(), command.description(), command.placeKind(),
						command.placeId(), RaisedThrough.INCIDENT, command.incidentId());
			}
		}
		Instant now = clock.instant();
		UUID household = residence == null ? null : residence.home().householdId();
		Topic topic = Topic.raise(Ids.newId(clock), place, command, actor.userId(), actor.displayName(), household,
				properties.cosignThreshold(), now);
		try {
			topics.insert(topic);
		}
		catch (org.springframework.dao.DuplicateKeyException twoAtOnce) {
			// two desks turning the same incident at once: its unique index keeps one topic
			throw new DomainException(Category.CONFLICT, "ALREADY_A_TOPIC", "deliberation.alreadyATopic");
		}
		if (household != null) {
			records.cosign(topic.id(), household, actor.userId(), now);
			admitIfReached(topic, now);
		}
		return topic;
	}

	/** A household joins the topic (联名); when the co-signs reach the threshold, it is on the agenda. */
	@Transactional
	public void cosign(Actor actor, UUID id) {
		Instant now = clock.instant();
		Step step = load(actor, id, TopicAction.COSIGN, Lock.NONE);
		if (!records.cosign(id, step.household(), actor.userId(), now)) {
			throw new DomainException(Category.CONFLICT, "ALREADY_COSIGNED", "deliberation.alreadyCosigned");
		}
		step.topic().told(TopicAction.COSIGN, actor.userId(), actor.displayName(), now, null);
		topics.told(step.topic());
		admitIfReached(step.topic(), now);
	}

	@Transactional
	public UUID comment(Actor actor, UUID id, CommentOnTopic command) {
		Instant now = clock.instant();
		Step step = load(actor, id, TopicAction.COMMENT, Lock.NONE);
		List<FieldProblem> problems = new ArrayList<>();
		if (command.replyTo() != null && !records.isTopLevelComment(id, command.replyTo())) {
			problems.add(new FieldProblem("replyTo", "deliberation.replyNotFound"));
		}
		shape.check(command, problems);
		UUID commentId = Ids.newId(clock);
		records.comment(commentId, id, command.replyTo(), step.topic().round(), command.stance(),
				command.text().strip(), step.household(), actor.userId(), actor.displayName(), now);
		step.topic().told(TopicAction.COMMENT, actor.userId(), actor.displayName(), now, command.stance().name());
		topics.told(step.topic());
		return commentId;
	}

	@Transactional
	public Topic admit(Actor actor, UUID id) {
		Instant now = clock.instant();
		return step(actor, id, TopicAction.ADMIT, Lock.NONE,
				topic -> topic.admit(actor.userId(), actor.displayName(), now));
	}

	@Transactional
	public Topic openRound(Actor actor, UUID id) {
		Instant now = clock.instant();
		return step(actor, id, TopicAction.OPEN_ROUND, Lock.NONE,
				topic -> topic.openRound(actor.userId(), actor.displayName(), now));
	}

	/** 决事 by the households: the electorate of the place is frozen now, the rule until the first vote. */
	@Transactional
	public Topic openVoting(Actor actor, UUID id, OpenVoting command) {
		Instant now = clock.instant();
		return step(actor, id, TopicAction.OPEN_VOTING, Lock.UPDATE, topic -> {
			List<FieldProblem> problems = new ArrayList<>();
			if (command.closesOn() != null && command.closesOn().isBefore(LocalDate.ofInstant(now, zone))) {
				problems.add(new FieldProblem("closesOn", "deliberation.closesInPast"));
			}
			shape.check(command, problems);
			List<Elector> electors = places.householdsConcerned(topic);
			topic.openVoting(command.rule(), TopicPlaces.electorateOf(electors), command.closesOn(), actor.userId(),
					actor.displayName(), now);
			records.electors(id, electors);
		});
	}

	/** Another rule, refused once a household has voted (the vote holds the topic, so the count is exact). */
	@Transactional
	public Topic changeRule(Actor actor, UUID id, ChangeVoteRule command) {
		Instant now = clock.instant();
		return step(actor, id, TopicAction.CHANGE_RULE, Lock.UPDATE, topic -> {
			shape.check(command);
			topic.changeRule(command.rule(), records.votesCast(id), actor.userId(), actor.displayName(), now);
		});
	}

	/**
	 * One household's vote: a resident's own, or a paper ballot the desk enters with its photo. The topic is held
	 * while the vote is written, so that closing the vote waits for it and counts it.
	 */
	@Transactional
	public void vote(Actor actor, UUID id, CastVote command, byte[] ballotPhoto) {
		Instant now = clock.instant();
		Step step = load(actor, id, TopicAction.VOTE, Lock.SHARE);
		boolean paper = !actor.has(Role.RESIDENT);
		List<FieldProblem> problems = new ArrayList<>();
		UUID household = paper ? command.householdId() : step.household();
		if (paper && household == null) {
			problems.add(new FieldProblem("householdId", "validation.required"));
		}
		if (paper && (ballotPhoto == null || ballotPhoto.length == 0)) {
			problems.add(new FieldProblem("ballot", "deliberation.ballotNeedsPhoto"));
		}
		shape.check(command, problems);
		if (!records.isElector(id, household)) {
			throw new DomainException(Category.FORBIDDEN, "NOT_AN_ELECTOR", "deliberation.notAnElector");
		}
		UUID photoId = paper ? photos.store(ballotPhoto).id() : null;
		records.vote(id, household, command.choice(), paper ? "PAPER" : "ONLINE", photoId, actor.userId(),
				actor.displayName(), now);
		step.topic().told(TopicAction.VOTE, actor.userId(), actor.displayName(), now, paper ? "纸质票" : null);
		topics.told(step.topic());
	}

	@Transactional
	public Topic closeVoting(Actor actor, UUID id) {
		Instant now = clock.instant();
		return step(actor, id, TopicAction.CLOSE_VOTING, Lock.UPDATE, topic -> topic
			.closeVoting(records.tally(id, topic.electorate()), actor.userId(), actor.displayName(), now));
	}

	@Transactional
	public Topic recordDecision(Actor actor, UUID id, RecordDecision command) {
		Instant now = clock.instant();
		return step(actor, id, TopicAction.RECORD_DECISION, Lock.NONE, topic -> {
			shape.check(command);
			topic.recordDecision(command.rule(), command.passed(), command.minutes(), actor.userId(),
					actor.displayName(), now);
		});
	}

	/**
	 * 执事: a task of the decision — plain, or an incident of the whistle loop or a project of the lists, made in this
	 * same transaction by the person adding it (so a refusal there leaves no task, and a lost race no incident).
	 */
	@Transactional
	public UUID addTask(Actor actor, UUID id, AddTask command) {
		Instant now = clock.instant();
		UUID taskId = Ids.newId(clock);
		step(actor, id, TopicAction.ADD_TASK, Lock.NONE, topic -> {
			shape.check(command);
			topic.addTask(command.title().strip(), actor.userId(), actor.displayName(), now);
			TaskLinks.Link link = links.open(actor, topic, command).orElse(null);
			records.task(taskId, id, command.title().strip(), command.owner().strip(), command.dueOn(), command.kind(),
					link == null ? null : link.id(), link == null ? null : link.state(), actor.userId(), now);
		});
		return taskId;
	}

	/**
	 * A task done: the first to press wins, a second press is told it was done already. A task carried out as an
	 * incident or a project is done when that one is; by hand only once it ended without being done (rejected,
	 * closed as a private matter, withdrawn), to say how it was settled instead.
	 */
	@Transactional
	public void completeTask(Actor actor, UUID id, UUID taskId, CompleteTask command) {
		Instant now = clock.instant();
		Step step = load(actor, id, TopicAction.COMPLETE_TASK, Lock.SHARE);
		TopicRecords.Task task = records.taskOf(id, taskId).orElseThrow(() -> DomainException.notFound("task"));
		if (!task.done() && !TaskLinks.byHand(task.kind(), task.linkedState())) {
			throw new DomainException(Category.CONFLICT, "TASK_FOLLOWS_LINK", "deliberation.taskFollowsLink");
		}
		shape.check(command);
		if (!records.completeTask(id, taskId, command.note().strip(), actor.userId(), actor.displayName(), now)) {
			throw new DomainException(Category.CONFLICT, "TASK_DONE", "deliberation.taskDone");
		}
		step.topic().told(TopicAction.COMPLETE_TASK, actor.userId(), actor.displayName(), now, task.title());
		topics.told(step.topic());
	}

	@Transactional
	public Topic finishExecution(Actor actor, UUID id) {
		Instant now = clock.instant();
		return step(actor, id, TopicAction.FINISH_EXECUTION, Lock.UPDATE,
				topic -> topic.finishExecution(records.openTasks(id), actor.userId(), actor.displayName(), now));
	}

	/** 评事: one rating per household. */
	@Transactional
	public void rate(Actor actor, UUID id, RateTopic command) {
		Instant now = clock.instant();
		Step step = load(actor, id, TopicAction.RATE, Lock.SHARE);
		shape.check(command);
		String comment = command.comment() == null || command.comment().isBlank() ? null : command.comment().strip();
		if (!records.rate(id, step.household(), command.stars(), comment, actor.userId(), now)) {
			throw new DomainException(Category.CONFLICT, "ALREADY_RATED", "deliberation.alreadyRated");
		}
		step.topic().told(TopicAction.RATE, actor.userId(), actor.displayName(), now, command.stars() + " 星");
		topics.told(step.topic());
	}

	@Transactional
	public Topic close(Actor actor, UUID id) {
		Instant now = clock.instant();
		return step(actor, id, TopicAction.CLOSE, Lock.NONE,
				topic -> topic.close(actor.userId(), actor.displayName(), now));
	}

	@Transactional
	public Topic withdraw(Actor actor, UUID id, WithdrawTopic command) {
		Instant now = clock.instant();
		return step(actor, id, TopicAction.WITHDRAW, Lock.NONE, topic -> {
			shape.check(command);
			topic.withdraw(command.reason().strip(), actor.userId(), actor.displayName(), now);
		});
	}

	/** Duplicates merged into a topic of the same place that is still open to co-signs. */
	@Transactional
	public Topic merge(Actor actor, UUID id, MergeTopic command) {
		Instant now = clock.instant();
		return step(actor, id, TopicAction.MERGE, Lock.NONE, topic -> {
			shape.check(command);
			Topic into = command.intoTopicId().equals(id) ? topic
					: topics.topic(command.intoTopicId(), Lock.NONE)
						.filter(other -> actor.scope().covers(other.place().scopePath()))
						.filter(other -> other.state() == TopicState.RAISED || other.state() == TopicState.DELIBERATING)
						.orElseThrow(() -> DomainException
							.invalid(List.of(new FieldProblem("intoTopicId", "deliberation.mergeTarget"))));
			topic.mergeInto(into.id(), into.title(), actor.userId(), actor.displayName(), now);
		});
	}

	/** The topic read for a step, with the caller's household among those it concerns (null if none). */
	record Step(Topic topic, UUID household) {
	}

	/** Reads the topic, then refuses whoever may not take the step and a step its state does not allow. */
	private Step load(Actor actor, UUID id, TopicAction action, Lock lock) {
		Topic topic = topics.topic(id, lock).orElseThrow(() -> DomainException.notFound("topic"));
		Residence residence = actor.has(Role.RESIDENT) ? places.residenceOf(actor).orElse(null) : null;
		UUID household = TopicPlaces.concerns(topic, residence) ? residence.home().householdId() : null;
		TopicPolicy.require(actor, topic, relation(actor, topic, household, records), action);
		topic.check(action);
		return new Step(topic, household);
	}

	/** How the actor stands to the topic; {@code household} is his if the topic concerns it, else null. */
	static TopicPolicy.Relation relation(Actor actor, Topic topic, UUID household, TopicRecords records) {
		return new TopicPolicy.Relation(household != null,
				!actor.has(Role.RESIDENT) && actor.scope().covers(topic.place().scopePath()),
				records.cosigned(topic.id(), household), records.rated(topic.id(), household),
				records.fundOpen(topic.id()), records.pledged(topic.id(), household));
	}

	/** A step that changes the topic: read, checked, changed, saved against the version read. */
	private Topic step(Actor actor, UUID id, TopicAction action, Lock lock, Consumer<Topic> change) {
		Topic topic = load(actor, id, action, lock).topic();
		change.accept(topic);
		if (!topics.save(topic)) {
			Topic now = topics.topic(id, Lock.NONE).orElseThrow(() -> DomainException.notFound("topic"));
			throw TopicLifecycle.TABLE.allows(now.state(), action)
					? new DomainException(Category.CONFLICT, "CHANGED_MEANWHILE", "deliberation.changedMeanwhile")
					: TopicLifecycle.TABLE.illegal(now.state(), action);
		}
		return topic;
	}

	/** On the agenda by the households themselves: the platform's step, once, whoever co-signed last. */
	private void admitIfReached(Topic topic, Instant now) {
		if (topic.reachesAgenda(records.cosigns(topic.id()))) {
			Topic fresh = topics.topic(topic.id(), Lock.UPDATE).orElseThrow();
			if (fresh.state() == TopicState.RAISED) {
				fresh.admit(null, null, now);
				topics.save(fresh);
			}
		}
	}

	private static DomainException noHome() {
		return new DomainException(Category.FORBIDDEN, "NO_HOME", "deliberation.noHome");
	}
}
