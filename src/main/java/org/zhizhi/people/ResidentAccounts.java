package org.zhizhi.people;

import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.people.persistence.Households;
import org.zhizhi.people.persistence.Residents;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;

/**
 * Which resident signs in with which account (居民账号): from then on his household co-signs, votes and rates as one in
 * deliberation. One account is one resident, and one resident has one account.
 */
@Service
public class ResidentAccounts {

	private final Residents residents;

	private final Households households;

	ResidentAccounts(Residents residents, Households households) {
		this.residents = residents;
		this.households = households;
	}

	/** Binds a resident of the caller's scope to an account; refused if either is bound already. */
	@Transactional
	public void bind(Actor actor, UUID residentId, UUID accountId) {
		PeopleRoles.requireWrite(actor);
		residents.residentState(actor.scope(), residentId).orElseThrow(() -> DomainException.notFound("resident"));
		if (!households.bindAccount(residentId, accountId)) {
			throw new DomainException(Category.CONFLICT, "ACCOUNT_BOUND", "people.accountBound");
		}
	}
}
