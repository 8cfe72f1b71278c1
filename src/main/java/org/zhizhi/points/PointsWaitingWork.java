package org.zhizhi.points;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.points.PointsQueries.ClaimView;
import org.zhizhi.points.PointsQueries.RedemptionView;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.WaitingWork;

/**
 * What of the points bank waits: the desk vets the claimed deeds and decides the objected ones; a sponsor's liaison
 * confirms the redemptions held for his sponsor when the person comes with his code.
 */
@Service
@Transactional(readOnly = true)
class PointsWaitingWork implements WaitingWork {

	private final PointsQueries queries;

	PointsWaitingWork(PointsQueries queries) {
		this.queries = queries;
	}

	@Override
	public List<Waiting> waitingFor(Actor actor, Instant now, int limit) {
		List<Waiting> found = new ArrayList<>();
		if (actor.hasAny(PointsRoles.DESK)) {
			claims(found, actor, PointsClaimState.SUBMITTED, "workbench.points.toVet", "workbench.action.vet", limit);
			claims(found, actor, PointsClaimState.OBJECTED, "workbench.points.objected", "workbench.action.decide",
					limit);
		}
		List<RedemptionView> held = queries.redemptions(actor).stream()
			.filter(r -> r.state() == RedemptionState.HELD && r.code() == null)
			.toList();
		if (!held.isEmpty()) {
			found.add(new Waiting("workbench.points.toConfirm", held.size(), "/m/points/confirm", held.stream()
				.limit(limit)
				.map(r -> new Item(r.rewardName(), r.holderName(), r.heldAt(), null, false, "/m/points/confirm",
						"workbench.action.confirm"))
				.toList()));
		}
		return found;
	}

	private void claims(List<Waiting> found, Actor actor, PointsClaimState state, String kind, String action,
			int limit) {
		List<ClaimView> claims = queries.claims(actor, List.of(state));
		if (!claims.isEmpty()) {
			String list = "/points/claims?state=" + state;
			found.add(new Waiting(kind, claims.size(), list, claims.stream()
				.limit(limit)
				.map(c -> new Item(c.ruleName() + " +" + c.points(), c.claimantName(), c.submittedAt(), null,
						state == PointsClaimState.OBJECTED, list, action))
				.toList()));
		}
	}
}
