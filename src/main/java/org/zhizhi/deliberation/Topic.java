package org.zhizhi.deliberation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.zhizhi.deliberation.TopicEvent.TopicMoved;
import org.zhizhi.deliberation.TopicEvent.TopicRaised;
import org.zhizhi.deliberation.TopicEvent.TopicStepTaken;
import org.zhizhi.shared.AggregateRoot;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;

/**
 * A topic (议题): a matter of a building, an estate or a community that its households raise, deliberate, decide,
 * carry out and judge. Each step asks {@link TopicLifecycle}, checks the topic's own rules, changes its fields and
 * registers a {@link TopicEvent}. Steps many households take at once — co-signs, comments, votes, ratings — change no
 * field here (their rows, one per household, decide between them); the topic checks that its state allows them.
 */
public final class Topic extends AggregateRoot<TopicEvent> {

	/** Where a topic is: the place and what it is called, its community and district, and its scope path. */
	public record Place(PlaceKind kind, UUID id, String name, UUID buildingId, UUID estateId, UUID communityId,
			UUID districtId, String scopePath) {
	}

	/** What the vote or the meeting decided, and when; the counts are the final tally of a household vote. */
	public record Decision(boolean passed, String note, UUID by, String byName, Instant at, Tally tally) {
	}

	private final UUID id;
	private final Place place;
	private final String title;
	private final String description;
	private final RaisedThrough raisedThrough;
	private final UUID raisedBy;
	private final String raisedByName;
	private final UUID raisedByHousehold;
	private final UUID sourceIncidentId;
	private final Instant raisedAt;
	private final int cosignThreshold;

	private TopicState state;
	private int round;
	private VoteRule voteRule;
	private Electorate electorate;
	private Instant votingOpenedAt;
	private LocalDate votingClosesOn;
	private Decision decision;
	private UUID mergedInto;
	private Instant updatedAt;

	public Topic(UUID id, Place place, String title, String description, RaisedThrough raisedThrough, UUID raisedBy,
			String raisedByName, UUID raisedByHousehold, UUID sourceIncidentId, Instant raisedAt, int cosignThreshold,
			TopicState state, int round, VoteRule voteRule, Electorate electorate, Instant votingOpenedAt,
			LocalDate votingClosesOn, Decision decision, UUID mergedInto, Instant updatedAt, int version) {
		super(version);
		this.id = id;
		this.place = place;
		this.title = title;
		this.description = description;
		this.raisedThrough = raisedThrough;
		this.raisedBy = raisedBy;
		this.raisedByName = raisedByName;
		this.raisedByHousehold = raisedByHousehold;
		this.sourceIncidentId = sourceIncidentId;
		this.raisedAt = raisedAt;
		this.cosignThreshold = cosignThreshold;
		this.state = state;
		this.round = round;
		this.voteRule = voteRule;
		this.electorate = electorate;
		this.votingOpenedAt = votingOpenedAt;
		this.votingClosesOn = votingClosesOn;
		this.decision = decision;
		this.mergedInto = mergedInto;
		this.updatedAt = updatedAt;
	}

	/** 提事: a new topic, RAISED, gathering co-signs until the threshold puts it on the agenda. */
	public static Topic raise(UUID id, Place place, RaiseTopic what, UUID by, String byName, UUID household,
			int cosignThreshold, Instant at) {
		Topic topic = new Topic(id, place, what.title().strip(), what.description().strip(), what.through(), by, byName,
				household, what.incidentId(), at, cosignThreshold, TopicState.RAISED, 0, null, null, null, null, null,
				null, at, 0);
		topic.register(new TopicRaised(id, place.districtId(), TopicState.RAISED, by, byName, at, topic.title));
		return topic;
	}

	/** Refuses a step the topic's state does not allow, naming the state (409). */
	public void check(TopicAction action) {
		TopicLifecycle.TABLE.require(state, action);
	}

	/**
	 * A household co-signs (or raises its voice in a comment, a rating): nothing of the topic changes; the row of
	 * the household decides whether it already did.
	 */
	public void told(TopicAction action, UUID by, String byName, Instant at, String note) {
		check(action);
		register(new TopicStepTaken(id, place.districtId(), action, state, by, byName, at, note));
	}

	/** 上会: onto the agenda — by the desk, or by the platform when the co-signs reach the threshold ({@code by} null). */
	public void admit(UUID by, String byName, Instant at) {
		move(TopicAction.ADMIT, TopicState.DELIBERATING, by, byName, at,
				by == null ? "联名达到 " + cosignThreshold + " 户" : null);
	}

	/** Whether this many co-signing households put the topic on the agenda by themselves. */
	public boolean reachesAgenda(long cosigns) {
		return state == TopicState.RAISED && cosigns >= cosignThreshold;
	}

	/** 征求意见: the next round of opinions; comments are counted per round. */
	public void openRound(UUID by, String byName, Instant at) {
		check(TopicAction.OPEN_ROUND);
		round++;
		updatedAt = at;
		register(new TopicMoved(id, place.districtId(), TopicAction.OPEN_ROUND, state, by, byName, at,
				"第 " + round + " 轮征求意见"));
	}

	/** 决事 by the households: the rule chosen, the electorate frozen as it is now. */
	public void openVoting(VoteRule rule, Electorate households, LocalDate closesOn, UUID by, String byName,
			Instant at) {
		check(TopicAction.OPEN_VOTING);
		if (!rule.byHouseholds()) {
			throw DomainException.invalid(List.of(new FieldProblem("rule", "deliberation.ruleNeedsMeeting")));
		}
		if (households.households() == 0 || rule == VoteRule.DOUBLE_MAJORITY && households.owners() == 0) {
			throw new DomainException(Category.CONFLICT, "NO_ELECTORATE", "deliberation.noElectorate");
		}
		voteRule = rule;
		electorate = households;
		votingOpenedAt = at;
		votingClosesOn = closesOn;
		move(TopicAction.OPEN_VOTING, TopicState.VOTING, by, byName, at, rule.name());
	}

	/** Another rule, while no household has voted: from the first vote the rule is frozen. */
	public void changeRule(VoteRule rule, long votesCast, UUID by, String byName, Instant at) {
		check(TopicAction.CHANGE_RULE);
		if (votesCast > 0) {
			throw new DomainException(Category.CONFLICT, "RULE_FROZEN", "deliberation.ruleFrozen", votesCast);
		}
		if (!rule.byHouseholds()) {
			throw DomainException.invalid(List.of(new FieldProblem("rule", "deliberation.ruleNeedsMeeting")));
		}
		if (rule == VoteRule.DOUBLE_MAJORITY && electorate.owners() == 0) {
			throw new DomainException(Category.CONFLICT, "NO_ELECTORATE", "deliberation.noElectorate");
		}
		voteRule = rule;
		updatedAt = at;
		register(new TopicMoved(id, place.districtId(), TopicAction.CHANGE_RULE, state, by, byName, at, rule.name()));
	}

	/** The vote ends: the final tally under the frozen rule decides. */
	public void closeVoting(Tally tally, UUID by, String byName, Instant at) {
		check(TopicAction.CLOSE_VOTING);
		if (!tally.electorate().equals(electorate)) {
			throw new IllegalArgumentException("a tally against another electorate");
		}
		boolean passed = voteRule.passes(tally);
		decision = new Decision(passed, null, by, byName, at, tally);
		move(TopicAction.CLOSE_VOTING, passed ? TopicState.PASSED : TopicState.FAILED, by, byName, at,
				"同意 " + tally.yes() + "，反对 " + tally.no() + "，弃权 " + tally.abstain() + "，应参与 "
						+ electorate.households() + " 户");
	}

	/** 决事 by a residents' representatives' meeting or the branch, with its minutes. */
	public void recordDecision(VoteRule rule, boolean passed, String minutes, UUID by, String byName, Instant at) {
		check(TopicAction.RECORD_DECISION);
		if (rule.byHouseholds()) {
			throw DomainException.invalid(List.of(new FieldProblem("rule", "deliberation.ruleNeedsVote")));
		}
		voteRule = rule;
		decision = new Decision(passed, minutes.strip(), by, byName, at, null);
		move(TopicAction.RECORD_DECISION, passed ? TopicState.PASSED : TopicState.FAILED, by, byName, at,
				minutes.strip());
	}

	/** 执事: a task of the decision; the first one starts the execution. */
	public void addTask(String taskTitle, UUID by, String byName, Instant at) {
		TopicState to = TopicLifecycle.TABLE.next(state, TopicAction.ADD_TASK);
		if (to != state) {
			state = to;
		}
		updatedAt = at;
		register(new TopicMoved(id, place.districtId(), TopicAction.ADD_TASK, state, by, byName, at, taskTitle));
	}

	/** Every task done: the households judge it (评事). */
	public void finishExecution(long openTasks, UUID by, String byName, Instant at) {
		check(TopicAction.FINISH_EXECUTION);
		if (openTasks > 0) {
			throw new DomainException(Category.CONFLICT, "TASKS_OPEN", "deliberation.tasksOpen", openTasks);
		}
		move(TopicAction.FINISH_EXECUTION, TopicState.EVALUATING, by, byName, at, null);
	}

	public void close(UUID by, String byName, Instant at) {
		move(TopicAction.CLOSE, TopicState.CLOSED, by, byName, at, null);
	}

	public void withdraw(String reason, UUID by, String byName, Instant at) {
		move(TopicAction.WITHDRAW, TopicState.WITHDRAWN, by, byName, at, reason);
	}

	/** Duplicates merged: this topic's households follow the other one. */
	public void mergeInto(UUID other, String otherTitle, UUID by, String byName, Instant at) {
		check(TopicAction.MERGE);
		if (other.equals(id)) {
			throw DomainException.invalid(List.of(new FieldProblem("intoTopicId", "deliberation.mergeSelf")));
		}
		mergedInto = other;
		move(TopicAction.MERGE, TopicState.MERGED, by, byName, at, otherTitle);
	}

	private void move(TopicAction action, TopicState to, UUID by, String byName, Instant at, String note) {
		state = TopicLifecycle.TABLE.move(state, action, to);
		updatedAt = at;
		register(new TopicMoved(id, place.districtId(), action, state, by, byName, at, note));
	}

	public UUID id() {
		return id;
	}

	public Place place() {
		return place;
	}

	public String title() {
		return title;
	}

	public String description() {
		return description;
	}

	public RaisedThrough raisedThrough() {
		return raisedThrough;
	}

	public UUID raisedBy() {
		return raisedBy;
	}

	public String raisedByName() {
		return raisedByName;
	}

	public UUID raisedByHousehold() {
		return raisedByHousehold;
	}

	public UUID sourceIncidentId() {
		return sourceIncidentId;
	}

	public Instant raisedAt() {
		return raisedAt;
	}

	public int cosignThreshold() {
		return cosignThreshold;
	}

	public TopicState state() {
		return state;
	}

	public int round() {
		return round;
	}

	public VoteRule voteRule() {
		return voteRule;
	}

	public Electorate electorate() {
		return electorate;
	}

	public Instant votingOpenedAt() {
		return votingOpenedAt;
	}

	public LocalDate votingClosesOn() {
		return votingClosesOn;
	}

	public Decision decision() {
		return decision;
	}

	public UUID mergedInto() {
		return mergedInto;
	}

	public Instant updatedAt() {
		return updatedAt;
	}
}
