package org.zhizhi.incident;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.CommandShape;

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

	private final CommandShape shape;

	BatchUrging(IncidentSupervision supervision, IncidentQueries queries, CommandShape shape) {
		this.shape = shape;
		this.supervision = supervision;
		this.queries = queries;
	}

	public List<Outcome> urge(Actor actor, UrgeIncidents batch) {
		shape.check(batch);
		UrgeIncident step = batch.each();
		List<Outcome> outcomes = new ArrayList<>();
		for (UUID id : batch.ids()) {
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
