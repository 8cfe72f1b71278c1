package org.zhizhi.wish;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.zhizhi.shared.AggregateRoot;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;

/**
 * A micro-wish: each step asks {@link WishLifecycle}, checks the wish's own rules (full, past its date, a reason, a
 * note and a photo), changes the fields and registers a past-tense {@link WishEvent}. Who may take a step is the
 * {@link WishPolicy}'s and the facade's; how it is stored, {@code persistence}'s. {@link WishView} is what is shown.
 */
public final class Wish extends AggregateRoot<WishEvent> {

	// which wish, and where: fixed when it is posted
	private final UUID id;
	private final UUID districtId;
	private final UUID orgUnitId;
	private final String scopePath;
	private final UUID communityId;
	private final String communityCode;
	private final String communityName;

	// what is wished, and where it stands — the community may edit it while vetting
	private WishState state;
	private String title;
	private String description;
	private String publicLabel;
	private WishCategory category;

	// for whom (only the poster, the desk and the takers see him), by when, and how many may take it
	private final String beneficiaryName;
	private final UUID beneficiaryResidentId;
	private final String beneficiaryAddress;
	private LocalDate dueOn;
	private final UUID photoId;
	private int maxTakers;
	private int takerCount;

	// who posted it
	private final UUID postedBy;
	private final String postedByName;
	private final boolean postedOnBehalf;
	private final Instant postedAt;

	// what the steps recorded
	private UUID vettedBy;
	private Instant vettedAt;
	private String refusalReason;
	private Instant publishedAt;
	private DispatchKind dispatchKind;
	private UUID dispatchAccountId;
	private String dispatchName;
	private Instant fulfilledAt;
	private UUID fulfilledBy;
	private String fulfilmentNote;
	private UUID fulfilmentPhotoId;
	private Instant confirmedAt;
	private UUID confirmedBy;
	private String thanks;
	private Instant raisedAt;
	private Instant updatedAt;

	/** A wish as stored (the repository, the history import); registers nothing. */
	public Wish(UUID id, UUID districtId, UUID orgUnitId, String scopePath, UUID communityId, String communityCode,
			String communityName, WishState state, String title, String description, String publicLabel,
			WishCategory category, String beneficiaryName, UUID beneficiaryResidentId, String beneficiaryAddress,
			LocalDate dueOn, UUID photoId, int maxTakers, int takerCount, UUID postedBy, String postedByName,
			boolean postedOnBehalf, Instant postedAt, UUID vettedBy, Instant vettedAt, String refusalReason,
			Instant publishedAt, DispatchKind dispatchKind, UUID dispatchAccountId, String dispatchName,
			Instant fulfilledAt, UUID fulfilledBy, String fulfilmentNote, UUID fulfilmentPhotoId, Instant confirmedAt,
			UUID confirmedBy, String thanks, Instant raisedAt, Instant updatedAt, int version) {
		super(version);
		this.id = id;
		this.districtId = districtId;
		this.orgUnitId = orgUnitId;
		this.scopePath = scopePath;
		this.communityId = communityId;
		this.communityCode = communityCode;
		this.communityName = communityName;
		this.state = state;
		this.title = title;
		this.description = description;
		this.publicLabel = publicLabel;
		this.category = category;
		this.beneficiaryName = beneficiaryName;
		this.beneficiaryResidentId = beneficiaryResidentId;
		this.beneficiaryAddress = beneficiaryAddress;
		this.dueOn = dueOn;
		this.photoId = photoId;
		this.maxTakers = maxTakers;
		this.takerCount = takerCount;
		this.postedBy = postedBy;
		this.postedByName = postedByName;
		this.postedOnBehalf = postedOnBehalf;
		this.postedAt = postedAt;
		this.vettedBy = vettedBy;
		this.vettedAt = vettedAt;
		this.refusalReason = refusalReason;
		this.publishedAt = publishedAt;
		this.dispatchKind = dispatchKind;
		this.dispatchAccountId = dispatchAccountId;
		this.dispatchName = dispatchName;
		this.fulfilledAt = fulfilledAt;
		this.fulfilledBy = fulfilledBy;
		this.fulfilmentNote = fulfilmentNote;
		this.fulfilmentPhotoId = fulfilmentPhotoId;
		this.confirmedAt = confirmedAt;
		this.confirmedBy = confirmedBy;
		this.thanks = thanks;
		this.raisedAt = raisedAt;
		this.updatedAt = updatedAt;
	}

	/** Where a wish is for: the place (grid or community) and the community it lies in. */
	public record Place(UUID districtId, UUID orgUnitId, String scopePath, UUID communityId, String communityCode,
			String communityName) {
	}

	/** 群众点单: a new wish, POSTED; its shape was checked by the facade. */
	public static Wish post(UUID id, Place place, PostWish what, int maxTakers, UUID photoId, UUID by, String byName,
			boolean onBehalf, Instant at) {
		Wish wish = new Wish(id, place.districtId(), place.orgUnitId(), place.scopePath(), place.communityId(),
				place.communityCode(), place.communityName(), WishState.POSTED, what.title(), what.description(),
				what.publicLabel(), what.category(), what.beneficiaryName(), what.beneficiaryResidentId(),
				what.beneficiaryAddress(), what.dueOn(), photoId, maxTakers, 0, by, byName, onBehalf, at, null, null,
				null, null, null, null, null, null, null, null, null, null, null, null, null, at, 0);
		wish.register(new WishPosted(id, place.districtId(), by, byName, at));
		return wish;
	}

	/**
	 * Refuses a step the wish cannot take now: from its state (409 naming it) or — sending a raised wish out again —
	 * past its date. Each step asks it first; the facade asks it before the checks that need other modules, so that
	 * a refusal reads the same whatever else is wrong with the request.
	 */
	public void check(WishAction action, LocalDate today) {
		next(action, today);
	}

	/** {@link #check}, answering the state the step leads to: the table is asked once per step. */
	private WishState next(WishAction action, LocalDate today) {
		WishState to = WishLifecycle.TABLE.next(state, action);
		if ((action == WishAction.PUBLISH || action == WishAction.DISPATCH) && state == WishState.RAISED
				&& dueOn.isBefore(today)) {
			throw DomainException.invalid(List.of(new FieldProblem("dueOn", "wish.dueInPastRepublish")));
		}
		return to;
	}

	/** The community's edit while vetting: every field left null keeps its value; a blank label removes it. */
	public void edit(EditWish change, UUID by, String byName, Instant at) {
		WishLifecycle.TABLE.require(state, WishAction.EDIT);
		List<String> changed = new ArrayList<>();
		if (change.title() != null) {
			title = change.title().strip();
			changed.add("title");
		}
		if (change.description() != null) {
			description = change.description().strip();
			changed.add("description");
		}
		if (change.publicLabel() != null) {
			publicLabel = change.publicLabel().isBlank() ? null : change.publicLabel().strip();
			changed.add("public_label");
		}
		if (change.category() != null) {
			category = change.category();
			changed.add("category");
		}
		if (change.dueOn() != null) {
			dueOn = change.dueOn();
			changed.add("due_on");
		}
		if (change.maxTakers() != null) {
			maxTakers = change.maxTakers();
			changed.add("max_takers");
		}
		updatedAt = at;
		register(new WishEdited(id, districtId, state, by, byName, at, changed));
	}

	public void approve(UUID by, String byName, Instant at) {
		state = WishLifecycle.TABLE.next(state, WishAction.APPROVE);
		vettedBy = by;
		vettedAt = at;
		updatedAt = at;
		register(new WishApproved(id, districtId, by, byName, at));
	}

	/** The community refuses it, with a reason the poster is told. */
	public void refuse(String reason, UUID by, String byName, Instant at) {
		WishState to = WishLifecycle.TABLE.next(state, WishAction.REFUSE);
		requireText("reason", reason, "wish.refuseNeedsReason");
		state = to;
		vettedBy = by;
		vettedAt = at;
		refusalReason = reason.strip();
		updatedAt = at;
		register(new WishRefused(id, districtId, by, byName, at, refusalReason));
	}

	/** Onto the wall of its community: after approval, or again after it was raised (not past its date). */
	public void publish(UUID by, String byName, LocalDate today, Instant at) {
		WishState from = state;
		state = next(WishAction.PUBLISH, today);
		publishedAt = at;
		updatedAt = at;
		register(new WishPublished(id, districtId, from, by, byName, at));
	}

	/** 社区派单: to a named account ({@code accountId}), or to a team or unit by {@code name}. */
	public void dispatch(DispatchKind kind, UUID accountId, String name, UUID by, String byName, LocalDate today,
			Instant at) {
		WishState from = state;
		state = next(WishAction.DISPATCH, today);
		dispatchKind = kind;
		dispatchAccountId = accountId;
		dispatchName = name;
		updatedAt = at;
		register(new WishDispatched(id, districtId, from, by, byName, at, kind, accountId, name));
	}

	/**
	 * One more taker: while it is on the wall or with a named taker, has a place left and is not past its date. That
	 * the taker does not have it already is the taker row's key, checked when it is saved.
	 */
	public void take(Taker taker, UUID by, String byName, LocalDate today, Instant at) {
		WishState to = WishLifecycle.TABLE.next(state, WishAction.TAKE);
		if (takerCount >= maxTakers) {
			throw new DomainException(Category.CONFLICT, "WISH_FULL", "wish.full", maxTakers);
		}
		if (dueOn.isBefore(today)) {
			throw new DomainException(Category.CONFLICT, "WISH_PAST_DUE", "wish.pastDue", dueOn.toString());
		}
		WishState from = state;
		state = to;
		takerCount++;
		updatedAt = at;
		register(new WishTaken(id, districtId, from, by, byName, at, taker));
	}

	/**
	 * A taker reports it fulfilled, with a note and a photo: {@link WishFulfilmentReported} in his words for the
	 * timeline, and {@link WishFulfilled} for other modules naming {@code takers} in the order they took it — all of
	 * them as read with this copy of the wish (as many as it counts), which the versioned save keeps true.
	 */
	public void fulfil(String note, UUID photo, List<Taker> takers, UUID by, String byName, Instant at) {
		WishState to = WishLifecycle.TABLE.next(state, WishAction.FULFIL);
		requireText("note", note, "wish.fulfilNeedsNote");
		if (photo == null) {
			throw DomainException.invalid(List.of(new FieldProblem("photo", "wish.fulfilNeedsPhoto")));
		}
		if (takers.size() != takerCount) {
			throw new IllegalArgumentException(takers.size() + " takers handed in, the wish counts " + takerCount);
		}
		List<Taker> inOrder = new ArrayList<>(takers);
		// stable: takes of the same instant keep the order they were read in
		inOrder.sort(Comparator.comparing(Taker::takenAt));
		state = to;
		fulfilledAt = at;
		fulfilledBy = by;
		fulfilmentNote = note.strip();
		fulfilmentPhotoId = photo;
		updatedAt = at;
		register(new WishFulfilmentReported(id, districtId, by, byName, at, fulfilmentNote));
		register(new WishFulfilled(id, districtId, communityId, title, category, inOrder, by, at));
	}

	/** The resident confirms (or his grid worker or the community for him), and may thank the takers. */
	public void confirm(String thanks, UUID by, String byName, Instant at) {
		state = WishLifecycle.TABLE.next(state, WishAction.CONFIRM);
		confirmedAt = at;
		confirmedBy = by;
		this.thanks = thanks == null || thanks.isBlank() ? null : thanks.strip();
		updatedAt = at;
		register(new WishConfirmed(id, districtId, by, byName, at, this.thanks));
	}

	/**
	 * The expiry sweep's step once the wish is past its date ({@code today} is after it). Unclaimed, it goes back to the
	 * community (RAISED). Taken by some but not all of the takers it was published for, it stays with its takers and
	 * the community is told once since it was last published. Answers false when there is nothing to do.
	 */
	public boolean raise(LocalDate today, Instant at) {
		if (!dueOn.isBefore(today)) {
			return false;
		}
		if (state.unclaimed()) {
			WishState from = state;
			state = WishLifecycle.TABLE.next(state, WishAction.RAISE);
			raisedAt = at;
			updatedAt = at;
			register(new WishRaised(id, districtId, from, at, dueOn));
			return true;
		}
		if (WishLifecycle.TABLE.allows(state, WishAction.OVERDUE) && takerCount < maxTakers && publishedAt != null
				&& (raisedAt == null || raisedAt.isBefore(publishedAt))) {
			raisedAt = at;
			updatedAt = at;
			register(new WishShortOfTakers(id, districtId, at, dueOn, takerCount, maxTakers));
			return true;
		}
		return false;
	}

	private static void requireText(String field, String text, String key) {
		if (text == null || text.isBlank()) {
			throw DomainException.invalid(List.of(new FieldProblem(field, key)));
		}
	}

	// ---- what it is ---------------------------------------------------------------------------------------------

	public UUID id() {
		return id;
	}

	public UUID districtId() {
		return districtId;
	}

	public UUID orgUnitId() {
		return orgUnitId;
	}

	public String scopePath() {
		return scopePath;
	}

	public UUID communityId() {
		return communityId;
	}

	public String communityCode() {
		return communityCode;
	}

	public String communityName() {
		return communityName;
	}

	public WishState state() {
		return state;
	}

	public String title() {
		return title;
	}

	public String description() {
		return description;
	}

	public String publicLabel() {
		return publicLabel;
	}

	public WishCategory category() {
		return category;
	}

	public String beneficiaryName() {
		return beneficiaryName;
	}

	public UUID beneficiaryResidentId() {
		return beneficiaryResidentId;
	}

	public String beneficiaryAddress() {
		return beneficiaryAddress;
	}

	public LocalDate dueOn() {
		return dueOn;
	}

	public UUID photoId() {
		return photoId;
	}

	public int maxTakers() {
		return maxTakers;
	}

	public int takerCount() {
		return takerCount;
	}

	public UUID postedBy() {
		return postedBy;
	}

	public String postedByName() {
		return postedByName;
	}

	public boolean postedOnBehalf() {
		return postedOnBehalf;
	}

	public Instant postedAt() {
		return postedAt;
	}

	public UUID vettedBy() {
		return vettedBy;
	}

	public Instant vettedAt() {
		return vettedAt;
	}

	public String refusalReason() {
		return refusalReason;
	}

	public Instant publishedAt() {
		return publishedAt;
	}

	public DispatchKind dispatchKind() {
		return dispatchKind;
	}

	public UUID dispatchAccountId() {
		return dispatchAccountId;
	}

	public String dispatchName() {
		return dispatchName;
	}

	public Instant fulfilledAt() {
		return fulfilledAt;
	}

	public UUID fulfilledBy() {
		return fulfilledBy;
	}

	public String fulfilmentNote() {
		return fulfilmentNote;
	}

	public UUID fulfilmentPhotoId() {
		return fulfilmentPhotoId;
	}

	public Instant confirmedAt() {
		return confirmedAt;
	}

	public UUID confirmedBy() {
		return confirmedBy;
	}

	public String thanks() {
		return thanks;
	}

	public Instant raisedAt() {
		return raisedAt;
	}

	public Instant updatedAt() {
		return updatedAt;
	}
}
