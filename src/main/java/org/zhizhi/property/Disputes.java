package org.zhizhi.property;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.deliberation.DeliberationQueries;
import org.zhizhi.incident.IncidentQueries;
import org.zhizhi.property.persistence.JdbcDisputes;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.CommandShape;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.HasText;
import org.zhizhi.shared.Ids;
import org.zhizhi.shared.PlausibleDate;
import org.zhizhi.shared.TextLength;
import org.zhizhi.territory.Estate;
import org.zhizhi.territory.PlaceQueries;

/**
 * Property disputes under the three parties' mediation (党建引领·物业矛盾纠纷防范处置): the desk records a dispute of an
 * estate of its scope — what happened, between whom, what was asked, the incident it came from or the deliberation
 * topic it raised —, each session with who sat at the table, the agreement (amount and terms) or the referral when none
 * was reached, the follow-ups of the agreement's keeping, and the closing.
 */
@Service
public class Disputes {

	static final String LENGTH = "{property.fees.length}";

	public record NewDispute(@NotNull(message = "{validation.required}") UUID estateId,
			@HasText(message = "{validation.required}") @TextLength(min = 2, max = 80, message = LENGTH) String title,
			@NotNull(message = "{validation.required}") DisputeKind kind,
			@HasText(message = "{validation.required}") @TextLength(min = 2, max = 300, message = LENGTH) String parties,
			@HasText(message = "{validation.required}") @TextLength(min = 2, max = 2000, message = LENGTH) String account,
			@Min(value = 0, message = "{property.fees.amount}") @Max(value = 100_000_000_000L,
					message = "{property.fees.amount}") Long claimedCents, UUID incidentId, UUID topicId) {
	}

	/** A session (who was present) or a follow-up, on a day. */
	public record NewStep(@PlausibleDate LocalDate heldOn, @TextLength(min = 0, max = 300, message = LENGTH) String present,
			@HasText(message = "{validation.required}") @TextLength(min = 2, max = 1000, message = LENGTH) String note) {
	}

	public record Settlement(@Min(value = 0, message = "{property.fees.amount}") @Max(value = 100_000_000_000L,
			message = "{property.fees.amount}") Long agreedCents,
			@HasText(message = "{validation.required}") @TextLength(min = 2, max = 1000, message = LENGTH) String terms) {
	}

	public record Referral(@HasText(message = "{validation.required}") @TextLength(min = 2, max = 300,
			message = LENGTH) String to) {
	}

	/** A dispute as the desk reads it, with its steps and what may be done now. */
	public record DisputeView(UUID id, Dispute.Case facts, DisputeState state, Long agreedCents, String terms,
			LocalDate settledOn, String referral, LocalDate closedOn, int sessions, int followUps, List<DisputeStep> steps,
			Set<DisputeAction> allowedActions) {
	}

	private final JdbcDisputes disputes;

	private final PlaceQueries places;

	private final IncidentQueries incidents;

	private final DeliberationQueries topics;

	private final CommandShape shape;

	private final Clock clock;

	private final ZoneId zone;

	Disputes(JdbcDisputes disputes, PlaceQueries places, IncidentQueries incidents, DeliberationQueries topics,
			CommandShape shape, Clock clock, ZoneId zone) {
		this.disputes = disputes;
		this.places = places;
		this.incidents = incidents;
		this.topics = topics;
		this.shape = shape;
		this.clock = clock;
		this.zone = zone;
	}

	@Transactional
	public DisputeView record(Actor actor, NewDispute command) {
		if (!actor.hasAny(SelfRunRoles.DESK)) {
			throw new DomainException(Category.FORBIDDEN, "FORBIDDEN", "problem.forbidden");
		}
		List<FieldProblem> more = new ArrayList<>();
		Estate estate = command.estateId() == null ? null : places.estate(actor.scope(), command.estateId()).orElse(null);
		if (command.estateId() != null && estate == null) {
			more.add(new FieldProblem("estateId", "property.disputes.estateNotYours"));
		}
		if (command.incidentId() != null && incidents.view(actor.scope(), command.incidentId()).isEmpty()) {
			more.add(new FieldProblem("incidentId", "property.disputes.incidentNotFound"));
		}
		if (command.topicId() != null && !topicVisible(actor, command.topicId())) {
			more.add(new FieldProblem("topicId", "property.disputes.topicNotFound"));
		}
		shape.check(command, more);
		Dispute dispute = Dispute.record(Ids.newId(clock), new Dispute.Case(estate.id(), estate.name(),
				estate.scopePath(), DataScope.districtOf(estate.scopePath()), command.title().strip(), command.kind(),
				command.parties().strip(), command.account().strip(), command.claimedCents(), command.incidentId(),
				command.topicId(), actor.userId(), actor.displayName(), clock.instant()));
		disputes.insert(dispute);
		return view(actor, dispute);
	}

	private boolean topicVisible(Actor actor, UUID topicId) {
		try {
			topics.topic(actor, topicId);
			return true;
		}
		catch (DomainException e) {
			return false;
		}
	}

	@Transactional
	public DisputeView session(Actor actor, UUID id, NewStep command) {
		return withStep(actor, id, DisputeAction.SESSION, "SESSION", command, Dispute::session);
	}

	@Transactional
	public DisputeView followUp(Actor actor, UUID id, NewStep command) {
		return withStep(actor, id, DisputeAction.FOLLOW_UP, "FOLLOW_UP", command, Dispute::followUp);
	}

	@Transactional
	public DisputeView settle(Actor actor, UUID id, Settlement command) {
		return step(actor, id, DisputeAction.SETTLE, d -> {
			shape.check(command);
			d.settle(today(), command.agreedCents(), command.terms().strip());
		});
	}

	@Transactional
	public DisputeView refer(Actor actor, UUID id, Referral command) {
		return step(actor, id, DisputeAction.REFER, d -> {
			shape.check(command);
			d.refer(command.to().strip());
		});
	}

	@Transactional
	public DisputeView close(Actor actor, UUID id) {
		return step(actor, id, DisputeAction.CLOSE, d -> d.close(today()));
	}

	@Transactional(readOnly = true)
	public List<DisputeView> inScope(Actor actor) {
		if (!actor.hasAny(SelfRunRoles.DESK)) {
			return List.of();
		}
		List<Dispute> found = disputes.inScope(actor.scope(), 200);
		var steps = disputes.steps(found.stream().map(Dispute::id).toList());
		return found.stream().map(d -> view(actor, d, steps.getOrDefault(d.id(), List.of()))).toList();
	}

	@Transactional(readOnly = true)
	public DisputeView dispute(Actor actor, UUID id) {
		Dispute dispute = disputes.find(id)
			.filter(d -> inScope(actor, d))
			.orElseThrow(() -> DomainException.notFound("dispute"));
		return view(actor, dispute);
	}

	private DisputeView withStep(Actor actor, UUID id, DisputeAction action, String kind, NewStep command,
			Consumer<Dispute> change) {
		LocalDate today = today();
		List<FieldProblem> more = new ArrayList<>();
		if (command.heldOn() != null && command.heldOn().isAfter(today)) {
			more.add(new FieldProblem("heldOn", "property.disputes.future"));
		}
		return step(actor, id, action, d -> {
			shape.check(command, more);
			change.accept(d);
			disputes.insert(new DisputeStep(Ids.newId(clock), d.id(), kind, command.heldOn() == null ? today : command.heldOn(),
					command.present() == null || command.present().isBlank() ? null : command.present().strip(),
					command.note().strip(), actor.userId(), actor.displayName(), clock.instant()));
		});
	}

	private DisputeView step(Actor actor, UUID id, DisputeAction action, Consumer<Dispute> change) {
		Dispute dispute = disputes.find(id).orElseThrow(() -> DomainException.notFound("dispute"));
		DisputePolicy.require(actor, dispute, inScope(actor, dispute), action);
		change.accept(dispute);
		if (!disputes.save(dispute)) {
			throw new DomainException(Category.CONFLICT, "CHANGED_MEANWHILE", "property.fees.changedMeanwhile");
		}
		return view(actor, dispute);
	}

	private boolean inScope(Actor actor, Dispute dispute) {
		return actor.hasAny(SelfRunRoles.DESK) && actor.scope().covers(dispute.facts().scopePath());
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), zone);
	}

	private DisputeView view(Actor actor, Dispute d) {
		return view(actor, d, disputes.steps(d.id()));
	}

	private DisputeView view(Actor actor, Dispute d, List<DisputeStep> steps) {
		return new DisputeView(d.id(), d.facts(), d.state(), d.agreedCents(), d.terms(), d.settledOn(), d.referral(),
				d.closedOn(), d.sessions(), d.followUps(), steps,
				DisputePolicy.allowedActions(actor, d, inScope(actor, d)));
	}

	/** For the demo's records: a dispute brought in with its sessions, agreement and follow-ups as they happened. */
	@Transactional
	public UUID history(Dispute.Case facts, List<DisputeStep> sessions, Long agreedCents, String terms, LocalDate settledOn,
			List<DisputeStep> followUps, LocalDate closedOn) {
		Dispute dispute = Dispute.record(Ids.newId(Clock.fixed(facts.recordedAt(), java.time.ZoneOffset.UTC)), facts);
		disputes.insert(dispute);
		for (DisputeStep s : sessions) {
			dispute.session();
			disputes.insert(new DisputeStep(s.id(), dispute.id(), "SESSION", s.heldOn(), s.present(), s.note(), s.byId(),
					s.byName(), s.at()));
		}
		if (settledOn != null) {
			dispute.settle(settledOn, agreedCents, terms);
		}
		for (DisputeStep s : followUps) {
			dispute.followUp();
			disputes.insert(new DisputeStep(s.id(), dispute.id(), "FOLLOW_UP", s.heldOn(), s.present(), s.note(), s.byId(),
					s.byName(), s.at()));
		}
		if (closedOn != null) {
			dispute.close(closedOn);
		}
		disputes.save(dispute);
		return dispute.id();
	}
}
