package org.zhizhi.deliberation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.deliberation.persistence.JdbcSelfGovernance;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.CommandShape;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.Ids;
import org.zhizhi.territory.Building;
import org.zhizhi.territory.BuildingOverview;
import org.zhizhi.territory.Estate;
import org.zhizhi.territory.PlaceQueries;

/**
 * An estate's self-governance: its bodies (自治管理小组, 楼委会, 议事会, 监事会, 业委会, 守护楼员) with members and terms, kept
 * by the desk of its scope; and its conventions, rules and proposal letters, each version drafted, put to the
 * residents as a topic and adopted when that topic passes — the residents decide their own rules.
 */
@Service
public class SelfGovernance {

	private final JdbcSelfGovernance store;

	private final PlaceQueries places;

	private final DeliberationManagement deliberation;

	private final CommandShape shape;

	private final Clock clock;

	private final ZoneId zone;

	SelfGovernance(JdbcSelfGovernance store, PlaceQueries places, DeliberationManagement deliberation,
			CommandShape shape, Clock clock, ZoneId zone) {
		this.store = store;
		this.places = places;
		this.deliberation = deliberation;
		this.shape = shape;
		this.clock = clock;
		this.zone = zone;
	}

	@Transactional
	public UUID createBody(Actor actor, CreateBody command) {
		DeliberationMeetingManagement.requireDesk(actor);
		List<FieldProblem> problems = new ArrayList<>();
		Optional<Estate> estate = command.estateId() == null ? Optional.empty()
				: places.estate(actor.scope(), command.estateId());
		if (command.estateId() != null && estate.isEmpty()) {
			problems.add(new FieldProblem("estateId", "deliberation.placeNotFound"));
		}
		if (command.termEnd() != null && command.termStart() != null && !command.termEnd().isAfter(command.termStart())) {
			problems.add(new FieldProblem("termEnd", "deliberation.body.termEnd"));
		}
		shape.check(command, problems);
		UUID id = Ids.newId(clock);
		Estate e = estate.orElseThrow();
		store.insertBody(id, e.id(), e.name(), e.communityId(), DataScope.districtOf(e.scopePath()), e.scopePath(),
				command.kind(), command.name().strip(), command.termStart(), command.termEnd(), clock.instant(),
				actor.userId());
		return id;
	}

	@Transactional
	public UUID addMember(Actor actor, UUID bodyId, AddBodyMember command) {
		DeliberationMeetingManagement.requireDesk(actor);
		JdbcSelfGovernance.Body body = bodyInScope(actor, bodyId);
		List<FieldProblem> problems = new ArrayList<>();
		String buildingName = null;
		if (command.buildingId() != null) {
			Optional<Building> building = places.buildingsOfEstate(actor.scope(), body.estateId())
				.stream()
				.map(BuildingOverview::building)
				.filter(b -> b.id().equals(command.buildingId()))
				.findFirst();
			if (building.isEmpty()) {
				problems.add(new FieldProblem("buildingId", "deliberation.body.buildingOfEstate"));
			}
			buildingName = building.map(Building::name).orElse(null);
		}
		else if (body.kind() == BodyKind.GUARDIANS) {
			problems.add(new FieldProblem("buildingId", "deliberation.body.guardianBuilding"));
		}
		shape.check(command, problems);
		UUID id = Ids.newId(clock);
		store.insertMember(id, bodyId, command.name().strip(), command.role().strip(), command.partyMember(),
				command.buildingId(), buildingName, command.joinedOn());
		return id;
	}

	@Transactional
	public void memberLeaves(Actor actor, UUID bodyId, UUID memberId, LocalDate on) {
		DeliberationMeetingManagement.requireDesk(actor);
		bodyInScope(actor, bodyId);
		if (!store.leave(bodyId, memberId, on == null ? LocalDate.now(clock.withZone(zone)) : on)) {
			throw new DomainException(Category.CONFLICT, "NOT_A_MEMBER", "deliberation.body.notAMember");
		}
	}

	/**
	 * A draft, put to the estate's residents as a topic (《title》), its text the topic's description; a new version of
	 * an existing convention when {@code conventionId} names one. Answers the topic's id.
	 */
	@Transactional
	public UUID draft(Actor actor, DraftConvention command) {
		DeliberationMeetingManagement.requireDesk(actor);
		List<FieldProblem> problems = new ArrayList<>();
		Optional<Estate> estate = command.estateId() == null ? Optional.empty()
				: places.estate(actor.scope(), command.estateId());
		if (command.estateId() != null && estate.isEmpty()) {
			problems.add(new FieldProblem("estateId", "deliberation.placeNotFound"));
		}
		Optional<JdbcSelfGovernance.Convention> existing = command.conventionId() == null ? Optional.empty()
				: store.convention(command.conventionId()).filter(c -> c.estateId().equals(command.estateId()));
		if (command.conventionId() != null && existing.isEmpty()) {
			problems.add(new FieldProblem("conventionId", "deliberation.convention.notFound"));
		}
		shape.check(command, problems);
		Estate e = estate.orElseThrow();
		Instant now = clock.instant();
		String title = existing.map(JdbcSelfGovernance.Convention::title).orElse(command.title().strip());
		String text = command.text().strip();
		Topic topic = deliberation.raise(actor, new RaiseTopic("《" + title + "》", text.length() <= 2000 ? text
				: text.substring(0, 1990) + "……（全文见公约草案）", PlaceKind.ESTATE, e.id(), RaisedThrough.MEETING, null));
		UUID conventionId = existing.map(JdbcSelfGovernance.Convention::id).orElseGet(() -> {
			UUID id = Ids.newId(clock);
			store.insertConvention(id, e.id(), e.communityId(), e.scopePath(), command.kind(), title, now);
			return id;
		});
		store.insertDraft(conventionId, text, topic.id(), now);
		return topic.id();
	}

	/** A draft's topic passed: its text is adopted, in the same transaction as the decision. */
	@EventListener
	void onDecision(TopicEvent event) {
		if ((event.action() == TopicAction.CLOSE_VOTING || event.action() == TopicAction.RECORD_DECISION)
				&& event.state() == TopicState.PASSED) {
			store.adopt(event.topicId(), event.at());
		}
	}

	/** The estate's bodies, conventions and 四个一, for the desk of its scope and the residents who live there. */
	@Transactional(readOnly = true)
	public EstateGovernance estate(Actor actor, UUID estateId) {
		Estate estate = places.estate(actor.scope(), estateId).orElseThrow(() -> DomainException.notFound("estate"));
		return of(estate);
	}

	EstateGovernance of(Estate estate) {
		LocalDate today = LocalDate.now(clock.withZone(zone));
		List<JdbcSelfGovernance.Member> members = store.members(estate.id());
		List<EstateGovernance.Body> bodies = store.bodies(estate.id())
			.stream()
			.map(b -> new EstateGovernance.Body(b.id(), b.kind(), b.name(), b.termStart(), b.termEnd(),
					!b.termStart().isAfter(today) && (b.termEnd() == null || b.termEnd().isAfter(today)),
					members.stream()
						.filter(m -> m.bodyId().equals(b.id()))
						.map(m -> new EstateGovernance.Member(m.id(), m.name(), m.role(), m.partyMember(),
								m.buildingName(), m.joinedOn(), m.leftOn()))
						.toList()))
			.toList();
		List<JdbcSelfGovernance.Version> versions = store.versions(estate.id());
		List<EstateGovernance.Convention> conventions = store.conventions(estate.id()).stream().map(c -> {
			Optional<JdbcSelfGovernance.Version> adopted = versions.stream()
				.filter(v -> v.conventionId().equals(c.id()) && v.adoptedAt() != null)
				.findFirst();
			Optional<JdbcSelfGovernance.Version> draft = versions.stream()
				.filter(v -> v.conventionId().equals(c.id()) && v.adoptedAt() == null)
				.filter(v -> adopted.isEmpty() || v.version() > adopted.get().version())
				.findFirst();
			return new EstateGovernance.Convention(c.id(), c.kind(), c.title(),
					adopted.map(JdbcSelfGovernance.Version::version).orElse(null),
					adopted.map(JdbcSelfGovernance.Version::text).orElse(null),
					adopted.map(JdbcSelfGovernance.Version::adoptedAt).orElse(null),
					draft.map(JdbcSelfGovernance.Version::topicId).orElse(null));
		}).toList();
		EstateGovernance.FourOnes fourOnes = new EstateGovernance.FourOnes(
				conventions.stream().anyMatch(c -> c.kind() == ConventionKind.PROPOSAL && c.adoptedVersion() != null),
				bodies.stream().anyMatch(b -> b.kind() == BodyKind.SUPERVISORY && b.active()),
				conventions.stream().anyMatch(c -> c.kind() == ConventionKind.CONVENTION && c.adoptedVersion() != null),
				store.consulted(estate.id()));
		return new EstateGovernance(estate.id(), estate.name(), bodies, conventions, fourOnes);
	}

	private JdbcSelfGovernance.Body bodyInScope(Actor actor, UUID bodyId) {
		return store.body(bodyId)
			.filter(b -> places.estate(actor.scope(), b.estateId()).isPresent())
			.orElseThrow(() -> DomainException.notFound("body"));
	}
}
