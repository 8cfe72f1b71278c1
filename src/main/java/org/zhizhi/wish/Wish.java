package org.zhizhi.wish;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A wish as the community and its poster see it, personal details included; {@link PublicWish} is what anyone else
 * sees.
 */
public record Wish(UUID id, UUID districtId, UUID orgUnitId, String scopePath, UUID communityId, String communityCode,
		String communityName, WishState state, String title, String description, String publicLabel,
		WishCategory category, String beneficiaryName, UUID beneficiaryResidentId, String beneficiaryAddress,
		LocalDate dueOn, UUID photoId, int maxTakers, int takerCount, UUID postedBy, String postedByName,
		boolean postedOnBehalf, Instant postedAt, UUID vettedBy, Instant vettedAt, String refusalReason,
		Instant publishedAt, DispatchKind dispatchKind, UUID dispatchAccountId, String dispatchName,
		Instant fulfilledAt, UUID fulfilledBy, String fulfilmentNote, UUID fulfilmentPhotoId, Instant confirmedAt,
		UUID confirmedBy, String thanks, Instant raisedAt, Instant updatedAt) {

	/** Places left for takers on the wall. */
	public int placesLeft() {
		return maxTakers - takerCount;
	}

	public boolean takeable() {
		return (state == WishState.PUBLISHED || state == WishState.DISPATCHED || state == WishState.TAKEN)
				&& takerCount < maxTakers;
	}

	/**
	 * The same wish without who wishes it and who posted it, for a member browsing the wall; a taker additionally sees
	 * the name and address he must deliver to ({@code forTaker}).
	 */
	public Wish withoutPersonalDetails(boolean forTaker) {
		return new Wish(id, districtId, orgUnitId, scopePath, communityId, communityCode, communityName, state, title,
				description, publicLabel, category, forTaker ? beneficiaryName : null, null,
				forTaker ? beneficiaryAddress : null, dueOn, photoId, maxTakers, takerCount, null, null, postedOnBehalf,
				postedAt, null, vettedAt, null, publishedAt, dispatchKind, dispatchAccountId, dispatchName, fulfilledAt,
				fulfilledBy, fulfilmentNote, fulfilmentPhotoId, confirmedAt, null, thanks, raisedAt, updatedAt);
	}

	/**
	 * The same wish without its fulfilment photo, which often shows the resident at home: only his poster, the
	 * community's desk and the wish's takers open it.
	 */
	public Wish withoutFulfilmentPhoto() {
		return new Wish(id, districtId, orgUnitId, scopePath, communityId, communityCode, communityName, state, title,
				description, publicLabel, category, beneficiaryName, beneficiaryResidentId, beneficiaryAddress, dueOn,
				photoId, maxTakers, takerCount, postedBy, postedByName, postedOnBehalf, postedAt, vettedBy, vettedAt,
				refusalReason, publishedAt, dispatchKind, dispatchAccountId, dispatchName, fulfilledAt, fulfilledBy,
				fulfilmentNote, null, confirmedAt, confirmedBy, thanks, raisedAt, updatedAt);
	}
}
