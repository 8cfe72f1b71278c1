package org.zhizhi.wish;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.zhizhi.partnership.PartnershipManagement;
import org.zhizhi.partnership.PartnershipQueries;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.Role;

/**
 * The partner unit a liaison takes wishes for: his take is his unit's (kind UNIT, under the unit's id and name), so
 * that the wall thanks the unit and {@link WishFulfilled} names it; any liaison of the unit finishes what it took. A
 * liaison not (yet) bound to a unit takes as himself.
 */
@Component
class WishUnits {

	/** A partner unit as a taker. */
	record Unit(UUID id, String name) {
	}

	private final PartnershipManagement partnership;

	private final PartnershipQueries partners;

	WishUnits(PartnershipManagement partnership, PartnershipQueries partners) {
		this.partnership = partnership;
		this.partners = partners;
	}

	/** The unit this liaison serves; empty for anyone else, a party member included, and for an unbound liaison. */
	Optional<Unit> unitOf(Actor actor) {
		// asked first so that an unbound liaison is never refused inside the caller's transaction
		if (!actor.has(Role.PARTNER_LIAISON) || actor.has(Role.PARTY_MEMBER) || !partnership.mayUse(actor)) {
			return Optional.empty();
		}
		return partners.ownUnit(actor).map(id -> new Unit(id, partners.partner(actor, id).name()));
	}

	/** Whether this person is among the takers: he pressed the button, or his unit took it. */
	boolean isTaker(Actor actor, List<Taker> takers) {
		if (takers.stream().anyMatch(t -> actor.userId().equals(t.accountId()))) {
			return true;
		}
		if (takers.stream().noneMatch(t -> t.kind() == TakerKind.UNIT)) {
			return false;
		}
		return unitOf(actor).map(unit -> takers.stream()
			.anyMatch(t -> t.kind() == TakerKind.UNIT && unit.id().equals(t.takerId()))).orElse(false);
	}
}
