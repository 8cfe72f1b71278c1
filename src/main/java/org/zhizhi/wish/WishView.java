package org.zhizhi.wish;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A wish as the community and its poster see it, personal details included — what the API answers and the pages show;
 * {@link PublicWish} is what anyone else sees. The {@link Wish} aggregate is what a step changes.
 */
public record WishView(UUID id, UUID districtId, UUID orgUnitId, String scopePath, UUID communityId, String communityCode,
		String communityName, WishState state, String title, String description, String publicLabel,
		WishCategory category, String beneficiaryName, UUID beneficiaryResidentId, String beneficiaryAddress,
		LocalDate dueOn, UUID photoId, int maxTakers, int takerCount, UUID postedBy, String postedByName,
		boolean postedOnBehalf, Instant postedAt, UUID vettedBy, Instant vettedAt, String refusalReason,
		Instant publishedAt, DispatchKind dispatchKind, UUID dispatchAccountId, String dispatchName,
		Instant fulfilledAt, UUID fulfilledBy, String fulfilmentNote, UUID fulfilmentPhotoId, Instant confirmedAt,
		UUID confirmedBy, String thanks, Instant raisedAt, Instant updatedAt) {

	/** The wish as it stands. */
	public static WishView of(Wish w) {
		return new WishView(w.id(), w.districtId(), w.orgUnitId(), w.scopePath(), w.communityId(), w.communityCode(),
				w.communityName(), w.state(), w.title(), w.description(), w.publicLabel(), w.category(),
				w.beneficiaryName(), w.beneficiaryResidentId(), w.beneficiaryAddress(), w.dueOn(), w.photoId(),
				w.maxTakers(), w.takerCount(), w.postedBy(), w.postedByName(), w.postedOnBehalf(), w.postedAt(),
				w.vettedBy(), w.vettedAt(), w.refusalReason(), w.publishedAt(), w.dispatchKind(), w.dispatchAccountId(),
				w.dispatchName(), w.fulfilledAt(), w.fulfilledBy(), w.fulfilmentNote(), w.fulfilmentPhotoId(),
				w.confirmedAt(), w.confirmedBy(), w.thanks(), w.raisedAt(), w.updatedAt());
	}

	/** Places left for takers on the wall. */
	public int placesLeft() {
		return maxTakers - takerCount;
	}

	/** Whether a take may still come: on the wall or with a named taker, with a place left. */
	public boolean takeable() {
		return state.takeable() && takerCount < maxTakers;
	}

	/**
	 * The same wish without who wishes it and who posted it, for a member browsing the wall; a taker additionally sees
	 * the name and address he must deliver to ({@code forTaker}).
	 */
	public WishView withoutPersonalDetails(boolean forTaker) {
		return new WishView(id, districtId, orgUnitId, scopePath, communityId, communityCode, communityName, state, title,
				description, publicLabel, category, forTaker ? beneficiaryName : null, null,
				forTaker ? beneficiaryAddress : null, dueOn, photoId, maxTakers, takerCount, null, null, postedOnBehalf,
				postedAt, null, vettedAt, null, publishedAt, dispatchKind, dispatchAccountId, dispatchName, fulfilledAt,
				fulfilledBy, fulfilmentNote, fulfilmentPhotoId, confirmedAt, null, thanks, raisedAt, updatedAt);
	}

	/**
	 * The same wish without its fulfilment photo, which often shows the resident at home: only his poster, the
	 * community's desk and the wish's takers open it.
	 */
	public WishView withoutFulfilmentPhoto() {
		return new WishView(id, districtId, orgUnitId, scopePath, communityId, communityCode, communityName, state, title,
				description, publicLabel, category, beneficiaryName, beneficiaryResidentId, beneficiaryAddress, dueOn,
				photoId, maxTakers, takerCount, postedBy, postedByName, postedOnBehalf, postedAt, vettedBy, vettedAt,
				refusalReason, publishedAt, dispatchKind, dispatchAccountId, dispatchName, fulfilledAt, fulfilledBy,
				fulfilmentNote, null, confirmedAt, confirmedBy, thanks, raisedAt, updatedAt);
	}
}
