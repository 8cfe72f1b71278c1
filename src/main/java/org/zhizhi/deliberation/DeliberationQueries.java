package org.zhizhi.deliberation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.deliberation.TopicPlaces.Residence;
import org.zhizhi.deliberation.persistence.JdbcDeliberationMonth;
import org.zhizhi.deliberation.persistence.JdbcTopics;
import org.zhizhi.deliberation.persistence.JdbcTopics.Lock;
import org.zhizhi.deliberation.persistence.TopicRecords;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.Role;

/**
 * Reads of topics: a resident reads the topics of his home's building, estate and community; staff those of their
 * scope; anyone else none. A topic outside both answers 404, like one that does not exist.
 */
@Service
@Transactional(readOnly = true)
public class DeliberationQueries {

	static final int LIST_LIMIT = 200;

	private final JdbcTopics topics;

	private final TopicRecords records;

	private final TopicPlaces places;

	private final CoFunding funding;

	private final org.zhizhi.incident.IncidentQueries incidents;

	private final JdbcDeliberationMonth months;

	DeliberationQueries(JdbcTopics topics, TopicRecords records, TopicPlaces places, CoFunding funding,
			org.zhizhi.incident.IncidentQueries incidents, JdbcDeliberationMonth months) {
		this.months = months;
		this.incidents = incidents;
		this.topics = topics;
		this.records = records;
		this.places = places;
		this.funding = funding;
	}

	/** The caller's topics, newest first, optionally of some states. */
	public List<TopicSummary> topics(Actor actor, List<TopicState> states) {
		requireReader(actor);
		List<Topic> found;
		if (actor.has(Role.RESIDENT)) {
			Residence residence = places.residenceOf(actor).orElse(null);
			found = residence == null ? List.of()
					: topics.ofHome(residence.home().buildingId(), residence.estateId(), residence.communityId(),
							LIST_LIMIT);
			if (!states.isEmpty()) {
				found = found.stream().filter(t -> states.contains(t.state())).toList();
			}
		}
		else {
			found = topics.inScope(actor.scope(), states, LIST_LIMIT);
		}
		return found.stream().map(TopicSummary::of).toList();
	}

	/** Whether the caller's account belongs to a resident with a home (a resident without one can only read). */
	public boolean hasHome(Actor actor) {
		return actor.has(Role.RESIDENT) && places.residenceOf(actor).isPresent();
	}

	public TopicView topic(Actor actor, UUID id) {
		requireReader(actor);
		Topic topic = topics.topic(id, Lock.NONE).orElseThrow(() -> DomainException.notFound("topic"));
		Residence residence = actor.has(Role.RESIDENT) ? places.residenceOf(actor).orElse(null) : null;
		UUID mine = TopicPlaces.concerns(topic, residence) ? residence.home().householdId() : null;
		TopicPolicy.Relation relation = DeliberationManagement.relation(actor, topic, mine, records);
		if (!relation.household() && !relation.inScope()) {
			throw DomainException.notFound("topic");
		}
		TopicView.Count count = topic.electorate() == null ? null
				: TopicView.Count.of(topic.decision() != null && topic.decision().tally() != null
						? topic.decision().tally() : records.tally(id, topic.electorate()), topic.voteRule());
		Topic.Decision d = topic.decision();
		TopicRecords.Ratings ratings = records.ratings(id);
		return new TopicView(topic.id(), topic.place().kind(), topic.place().id(), topic.place().name(), topic.title(),
				topic.description(), topic.state(), topic.state().stage(), topic.raisedThrough(), topic.raisedByName(),
				topic.raisedAt(), topic.sourceIncidentId(), records.cosigns(id), topic.cosignThreshold(), topic.round(),
				topic.voteRule(), topic.votingClosesOn(), count,
				d == null ? null : new TopicView.Decision(d.passed(), d.note(), d.byName(), d.at()),
				records.tasks(id)
					.stream()
					.map(t -> new TopicView.Task(t.id(), t.title(), t.owner(), t.dueOn(), t.done(), t.doneAt(),
							t.doneByName(), t.note(), t.kind(), t.linkedId(), t.linkedState(), !t.done() && TaskLinks.byHand(t.kind(),
									t.linkedState())))
					.toList(),
				new TopicView.Ratings(ratings.count(), ratings.average()), funding.accounts(id).orElse(null),
				records.comments(id)
					.stream()
					.map(c -> new TopicView.Comment(c.id(), c.replyTo(), c.round(), c.stance(), c.text(),
							c.authorName(), c.household(), c.postedAt()))
					.toList(),
				topics.timelineOf(id)
					.stream()
					.map(e -> new TopicView.Entry(TopicAction.valueOf(e.action()), TopicState.valueOf(e.state()),
							e.actorName(), e.at(), e.note()))
					.toList(),
				new TopicView.Mine(relation.household(), relation.cosigned(), records.voteOf(id, mine).orElse(null),
						relation.rated()),
				TopicPolicy.allowedActions(actor, topic, relation), topic.version());
	}

	/** The vote desk: every household concerned with its vote, for the desk of the topic's scope. */
	public List<Ballot> ballots(Actor actor, UUID id) {
		Topic topic = topics.topic(id, Lock.NONE).orElseThrow(() -> DomainException.notFound("topic"));
		TopicPolicy.Relation relation = DeliberationManagement.relation(actor, topic, null, records);
		if (!relation.inScope() || !actor.hasAny(DeliberationRoles.DESK)) {
			throw DomainException.notFound("topic");
		}
		return records.ballots(id);
	}

	/** What an incident of the caller's scope says, to begin the topic it turns into. */
	public Optional<String> incidentDescription(Actor actor, UUID incidentId) {
		return incidents.view(actor.scope(), incidentId).map(org.zhizhi.incident.IncidentView::description);
	}

	/** The topic an incident became, if the caller may read it. */
	public Optional<UUID> topicOfIncident(Actor actor, UUID incidentId) {
		return topics.ofIncident(incidentId).filter(id -> {
			try {
				topic(actor, id);
				return true;
			}
			catch (DomainException notHis) {
				return false;
			}
		});
	}

	/** The households a topic concerns now, by dwelling, for the desk recording their payments. */
	public List<Elector> householdsConcerned(Actor actor, UUID id) {
		Topic topic = topics.topic(id, Lock.NONE).orElseThrow(() -> DomainException.notFound("topic"));
		if (!actor.hasAny(DeliberationRoles.DESK) || !actor.scope().covers(topic.place().scopePath())) {
			throw DomainException.notFound("topic");
		}
		return places.householdsConcerned(topic);
	}

	/**
	 * What the caller's scope did in a period (from included, to excluded) — a month's report of deliberation. The
	 * desk's and the district's alone, those who follow its topics and meetings ({@link
	 * DeliberationRoles#followsMeetings}); anyone else is refused.
	 */
	public DeliberationMonth month(Actor actor, Instant from, Instant to) {
		if (!DeliberationRoles.followsMeetings(actor)) {
			throw new DomainException(Category.FORBIDDEN, "FORBIDDEN", "problem.forbidden");
		}
		return months.month(actor.scope(), from, to);
	}

	private static void requireReader(Actor actor) {
		if (!actor.hasAny(DeliberationRoles.READERS)) {
			throw new DomainException(Category.FORBIDDEN, "FORBIDDEN", "problem.forbidden");
		}
	}
}
