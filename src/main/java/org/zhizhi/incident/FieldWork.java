package org.zhizhi.incident;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.CommandShape;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;

import tools.jackson.databind.json.JsonMapper;

/**
 * What is done in the field with a phone: a report, a check-in or a resolution together with its photo, each in one
 * transaction (and a progress note or a co-unit's finished part with its photo), so that a refused photo leaves neither an incident without it nor a step without its proof. (The photo
 * files written before a refusal further on are orphans for the store's sweep; no row points at them.)
 */
@Service
public class FieldWork {

	private final IncidentManagement management;

	private final IncidentPhotos photos;

	private final JsonMapper json;

	private final IncidentDispatch dispatch;

	private final CommandShape shape;

	FieldWork(IncidentManagement management, IncidentPhotos photos, JsonMapper json, IncidentDispatch dispatch,
			CommandShape shape) {
		this.shape = shape;
		this.dispatch = dispatch;
		this.management = management;
		this.photos = photos;
		this.json = json;
	}

	/**
	 * Reports under the form's idempotency key and attaches the photo. A replay of the key answers the same incident
	 * and attaches nothing when the first submission already did: the photo belongs to the report, once.
	 */
	@Transactional
	public UUID report(Actor actor, String idempotencyKey, ReportIncident report, byte[] photo) {
		IdempotentResult result = management.report(actor, idempotencyKey, report);
		UUID id = UUID.fromString(json.readTree(result.body()).path("incident").path("id").asString());
		if (photo != null && photo.length > 0 && photos.of(actor.scope(), id).isEmpty()) {
			attach(actor, id, photo);
		}
		return id;
	}

	/** The claimer checks in on site; the photo (required) proves where he stands. */
	@Transactional
	public IncidentDetail checkIn(Actor actor, UUID id, CheckInOnSite step, byte[] photo) {
		if (photo == null || photo.length == 0) {
			// told together with a missing position, so that the claimer fixes both at once
			List<FieldProblem> problems = new java.util.ArrayList<>();
			problems.add(new FieldProblem("photo", "incident.checkInNeedsPhoto"));
			if (step.lat() == null || step.lng() == null) {
				problems.add(new FieldProblem("lat", "incident.positionMissing"));
			}
			throw DomainException.invalid(problems);
		}
		UUID photoId = attach(actor, id, photo);
		return management.checkIn(actor, id, step.withPhotos(List.of(photoId)));
	}

	/** The handler reports the work done, with a photo of the result (required, like the check-in's). */
	@Transactional
	public IncidentDetail resolve(Actor actor, UUID id, ResolveIncident step, byte[] photo) {
		if (photo == null || photo.length == 0) {
			// the step itself says what is wrong first (its shape, then its state), then that the photo is missing
			try {
				return management.resolve(actor, id, step);
			}
			catch (DomainException e) {
				if (e.category() != Category.INVALID) {
					throw e;
				}
				throw DomainException.invalid(e.fieldProblems()
					.stream()
					.map(p -> "photoIds".equals(p.field()) ? new FieldProblem("photo", p.messageKey(), p.args()) : p)
					.toList());
			}
		}
		UUID photoId = attach(actor, id, photo);
		return management.resolve(actor, id, step.withPhotos(List.of(photoId)));
	}

	/** A progress note (进展), with a photo of how far the work has got if one was taken. */
	@Transactional
	public IncidentDetail note(Actor actor, UUID id, AddNote step, byte[] photo) {
		if (photo == null || photo.length == 0) {
			return management.addNote(actor, id, step);
		}
		// the note is checked first, so that a missing note does not leave an orphan photo on the incident
		shape.check(step);
		UUID photoId = attach(actor, id, photo);
		return management.addNote(actor, id, step.withPhotos(List.of(photoId)));
	}

	/** A co-unit's liaison finishes his unit's part of a tough whistle (协办完成), with a photo if he took one. */
	@Transactional
	public IncidentDetail partDone(Actor actor, UUID id, MovePart step, byte[] photo) {
		if (photo == null || photo.length == 0) {
			return dispatch.part(actor, id, IncidentAction.PART_DONE, step);
		}
		if (step.note() == null || step.note().isBlank()) {
			throw DomainException.invalid(List.of(new FieldProblem("note", "incident.resolveNeedsNote")));
		}
		UUID photoId = attach(actor, id, photo);
		return dispatch.part(actor, id, IncidentAction.PART_DONE, step.withPhotos(List.of(photoId)));
	}

	/** A photo the store refuses is an error of the photo field, told beside it. */
	private UUID attach(Actor actor, UUID id, byte[] photo) {
		try {
			return photos.attach(actor, id, photo).id();
		}
		catch (DomainException e) {
			if (e.category() != Category.INVALID && e.category() != Category.CONFLICT) {
				throw e;
			}
			throw DomainException.invalid(List.of(new FieldProblem("photo", e.messageKey(), e.args())));
		}
	}
}
