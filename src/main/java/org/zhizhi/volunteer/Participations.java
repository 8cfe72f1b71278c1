package org.zhizhi.volunteer;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.identity.TotpCodes;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.CommandShape;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.GeoPoint;
import org.zhizhi.shared.Ids;
import org.zhizhi.volunteer.VolunteerCommands.CorrectionDecision;
import org.zhizhi.volunteer.VolunteerCommands.CorrectionRequest;
import org.zhizhi.volunteer.VolunteerCommands.OnTheSpot;
import org.zhizhi.volunteer.persistence.JdbcVolunteer;

/**
 * Taking part: sign up (a place while one is left, else the waiting list, promoted in order when one frees), cancel,
 * check in and out on the spot — the organiser's code of the moment (a screenshot of an older one is refused) and a
 * position near the venue, inside the activity's time — and the organiser's approval of the minutes served, after
 * which they change only through a correction asked with its reason and accepted by him.
 */
@Service
public class Participations {

	private final JdbcVolunteer volunteer;

	private final VolunteerTeams teams;

	private final VolunteerProperties properties;

	private final CommandShape shape;

	private final Clock clock;

	private final TotpCodes codes = new TotpCodes();

	Participations(JdbcVolunteer volunteer, VolunteerTeams teams, VolunteerProperties properties, CommandShape shape,
			Clock clock) {
		this.volunteer = volunteer;
		this.teams = teams;
		this.properties = properties;
		this.shape = shape;
		this.clock = clock;
	}

	@Transactional
	public Participation signUp(Actor actor, UUID activityId) {
		if (!actor.hasAny(ParticipationLifecycle.VOLUNTEERS)) {
			throw new DomainException(Category.FORBIDDEN, "FORBIDDEN", "problem.forbidden");
		}
		Activity activity = volunteer.lockActivity(activityId)
			.filter(a -> actor.scope().path().startsWith(a.scopePath()) || actor.scope().covers(a.scopePath()))
			.orElseThrow(() -> DomainException.notFound("activity"));
		Instant now = clock.instant();
		if (activity.state() != ActivityState.OPEN || !now.isBefore(activity.endsAt())) {
			throw new DomainException(Category.CONFLICT, "ACTIVITY_CLOSED", "volunteer.activityClosed");
		}
		Participation participation = Participation.signUp(activityId, actor.userId(), actor.displayName(),
				volunteer.taken(activityId) < activity.slots(), now);
		if (!volunteer.insert(participation)) {
			throw new DomainException(Category.CONFLICT, "ALREADY_SIGNED_UP", "volunteer.alreadySignedUp");
		}
		return participation;
	}

	/** His own cancellation; a place he held goes to the first one waiting. */
	@Transactional
	public void cancel(Actor actor, UUID activityId) {
		volunteer.lockActivity(activityId).orElseThrow(() -> DomainException.notFound("activity"));
		boolean heldAPlace = volunteer.participation(activityId, actor.userId())
			.map(x -> x.state() == ParticipationState.SIGNED_UP)
			.orElse(false);
		step(actor, activityId, actor.userId(), ParticipationAction.CANCEL, Participation::cancel);
		if (heldAPlace) {
			Activity activity = volunteer.activity(activityId).orElseThrow();
			if (volunteer.taken(activityId) < activity.slots()) {
				volunteer.firstWaiting(activityId).ifPresent(first -> {
					first.promote();
					volunteer.save(first);
				});
			}
		}
	}

	@Transactional
	public Participation checkIn(Actor actor, UUID activityId, OnTheSpot command) {
		Instant now = clock.instant();
		return step(actor, activityId, actor.userId(), ParticipationAction.CHECK_IN, p -> {
			Activity activity = onTheSpot(activityId, command, now);
			if (now.isBefore(activity.startsAt().minus(properties.checkInOpensBefore()))
					|| !now.isBefore(activity.endsAt())) {
				throw new DomainException(Category.CONFLICT, "NOT_NOW", "volunteer.checkInNotNow");
			}
			p.checkIn(now, command.lat(), command.lng());
		});
	}

	@Transactional
	public Participation checkOut(Actor actor, UUID activityId, OnTheSpot command) {
		Instant now = clock.instant();
		return step(actor, activityId, actor.userId(), ParticipationAction.CHECK_OUT, p -> {
			Activity activity = onTheSpot(activityId, command, now);
			if (now.isAfter(activity.endsAt().plus(properties.checkOutClosesAfter()))) {
				throw new DomainException(Category.CONFLICT, "NOT_NOW", "volunteer.checkOutNotNow");
			}
			p.checkOut(now, command.lat(), command.lng());
		});
	}

	/** The organiser approves the minutes served; they are locked from now on. */
	@Transactional
	public Participation approve(Actor actor, UUID activityId, UUID personId) {
		Activity activity = volunteer.activity(activityId).orElseThrow(() -> DomainException.notFound("activity"));
		return step(actor, activityId, personId, ParticipationAction.APPROVE,
				p -> p.approve(activity, actor.userId(), actor.displayName(), clock.instant()));
	}

	/** Signed up and never came: marked once the activity is over. */
	@Transactional
	public Participation markAbsent(Actor actor, UUID activityId, UUID personId) {
		Activity activity = volunteer.activity(activityId).orElseThrow(() -> DomainException.notFound("activity"));
		return step(actor, activityId, personId, ParticipationAction.MARK_ABSENT, p -> {
			if (clock.instant().isBefore(activity.endsAt())) {
				throw new DomainException(Category.CONFLICT, "NOT_OVER", "volunteer.notOver");
			}
			p.markAbsent();
		});
	}

	/** The volunteer asks for his approved minutes to be corrected, with the reason; one request open at a time. */
	@Transactional
	public void requestCorrection(Actor actor, UUID activityId, CorrectionRequest command) {
		Participation p = volunteer.participation(activityId, actor.userId())
			.orElseThrow(() -> DomainException.notFound("participation"));
		if (p.state() != ParticipationState.APPROVED) {
			throw new DomainException(Category.CONFLICT, "NOT_APPROVED", "volunteer.notApproved");
		}
		shape.check(command);
		if (!volunteer.requestCorrection(Ids.newId(clock), activityId, actor.userId(), p.minutes(), command.minutes(),
				command.reason().strip(), clock.instant())) {
			throw new DomainException(Category.CONFLICT, "CORRECTION_OPEN", "volunteer.correctionOpen");
		}
	}

	/** The organiser accepts (the minutes change, the request stays as the record why) or refuses it. */
	@Transactional
	public void decideCorrection(Actor actor, UUID activityId, UUID personId, CorrectionDecision command) {
		Instant now = clock.instant();
		Activity activity = volunteer.activity(activityId).orElseThrow(() -> DomainException.notFound("activity"));
		JdbcVolunteer.Correction correction = volunteer.openCorrection(activityId, personId)
			.orElseThrow(() -> DomainException.notFound("correction"));
		step(actor, activityId, personId, ParticipationAction.CORRECT, p -> {
			shape.check(command);
			if (command.accepted()) {
				p.correct(activity, correction.id(), correction.toMinutes(), now);
			}
		});
		volunteer.decide(correction.id(), command.accepted() ? "ACCEPTED" : "REFUSED", actor.userId(),
				actor.displayName(), command.note() == null ? null : command.note().strip(), now);
	}

	/** How the actor stands to a person's participation. */
	ParticipationPolicy.Relation relation(Actor actor, Activity activity, UUID personId) {
		return new ParticipationPolicy.Relation(actor.userId().equals(personId), teams.organises(actor, activity));
	}

	/** The activity, after the code of the moment and the position near its venue are checked. */
	private Activity onTheSpot(UUID activityId, OnTheSpot command, Instant now) {
		shape.check(command);
		Activity activity = volunteer.activity(activityId).orElseThrow();
		if (codes.matchingStep(volunteer.codeSecret(activityId), command.code(), now, Long.MIN_VALUE).isEmpty()) {
			throw DomainException.invalid(List.of(new FieldProblem("code", "volunteer.wrongCode")));
		}
		double metres = new GeoPoint(command.lat(), command.lng()).metresTo(new GeoPoint(activity.lat(), activity.lng()));
		if (metres > properties.checkInRadiusM()) {
			throw DomainException.invalid(List.of(new FieldProblem("lat", "volunteer.tooFar", Math.round(metres),
					properties.checkInRadiusM())));
		}
		return activity;
	}

	private Participation step(Actor actor, UUID activityId, UUID personId, ParticipationAction action,
			Consumer<Participation> change) {
		Activity activity = volunteer.activity(activityId).orElseThrow(() -> DomainException.notFound("activity"));
		Participation p = volunteer.participation(activityId, personId)
			.orElseThrow(() -> DomainException.notFound("participation"));
		ParticipationPolicy.require(actor, p, relation(actor, activity, personId), action);
		change.accept(p);
		if (!volunteer.save(p)) {
			throw new DomainException(Category.CONFLICT, "CHANGED_MEANWHILE", "volunteer.changedMeanwhile");
		}
		return p;
	}
}
