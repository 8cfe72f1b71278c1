package org.zhizhi.incident;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.FieldProblem;

/**
 * 批量督办: one card and note for up to {@link #MAX} incidents, each urged on its own (its own transaction), so that
 * one that cannot be urged — closed meanwhile, out of reach — leaves the others urged. The API and the desk both send
 * their batches here; what is wrong with the batch itself (none chosen, no card, a note too long, too many) refuses it
 * whole before any incident is touched.
 */
@Service
public class BatchUrging {

	/** The most incidents one batch may urge. */
	public static final int MAX = IncidentQueries.PAGE_SIZE;

	/** What became of one incident: urged, or refused — and if refused for its state, the state it is in now. */
	public record Outcome(UUID id, boolean urged, DomainException refusal, IncidentState stateNow) {
	}

	private final IncidentSupervision supervision;

	private final IncidentQueries queries;

	BatchUrging(IncidentSupervision supervision, IncidentQueries queries) {
		this.supervision = supervision;
		this.queries = queries;
	}

	public List<Outcome> urge(Actor actor, List<UUID> ids, UrgeCard card, String note) {
		List<UUID> chosen = ids == null ? List.of() : ids.stream().distinct().toList();
		List<FieldProblem> problems = new ArrayList<>();
		if (chosen.isEmpty()) {
			problems.add(new FieldProblem("ids", "validation.required"));
		}
		else if (chosen.size() > MAX) {
			problems.add(new FieldProblem("ids", "incident.batchTooLarge", MAX));
		}
		if (card == null) {
			problems.add(new FieldProblem("card", "validation.required"));
		}
		if (note != null && note.length() > IncidentSteps.MAX_NOTE) {
			problems.add(new FieldProblem("note", "incident.noteTooLong", IncidentSteps.MAX_NOTE));
		}
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
		StepRequest step = new StepRequest(null, null, null, note, null, null, null, null, null, null, null, null,
				null, null, card, null, null);
		List<Outcome> outcomes = new ArrayList<>();
		for (UUID id : chosen) {
			try {
				supervision.urge(actor, id, step);
				outcomes.add(new Outcome(id, true, null, null));
			}
			catch (DomainException e) {
				IncidentState now = "ILLEGAL_TRANSITION".equals(e.code())
						? queries.find(actor.scope(), id).map(d -> d.incident().state()).orElse(null) : null;
				outcomes.add(new Outcome(id, false, e, now));
			}
		}
		return outcomes;
	}
}
