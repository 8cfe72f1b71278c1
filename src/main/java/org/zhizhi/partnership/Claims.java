package org.zhizhi.partnership;

import static org.zhizhi.partnership.Inputs.requireText;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.partnership.Claim.ClaimerKind;
import org.zhizhi.partnership.PartnershipCommands.Acceptance;
import org.zhizhi.partnership.PartnershipCommands.ClaimItem;
import org.zhizhi.partnership.PartnershipCommands.Completion;
import org.zhizhi.partnership.PartnershipCommands.ProgressNote;
import org.zhizhi.partnership.PartnershipCommands.SendBack;
import org.zhizhi.partnership.PartnershipManagement.Access;
import org.zhizhi.partnership.persistence.JdbcClaims;
import org.zhizhi.partnership.persistence.JdbcDocuments;
import org.zhizhi.partnership.persistence.JdbcListItems;
import org.zhizhi.partnership.persistence.JdbcPartners;
import org.zhizhi.partnership.persistence.Versioned;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.Ids;

/**
 * The two-way claims and their delivery: a unit pledges a need or project, the community a resource; the deliverer
 * reports progress and completion, the community accepts or sends it back. A liaison acts only for his own unit.
 */
@Service
public class Claims {

	private final JdbcClaims claims;

	private final JdbcListItems items;

	private final JdbcPartners partners;

	private final JdbcDocuments documentRows;

	private final ClaimNotices notices;

	private final PartnershipManagement management;

	private final Clock clock;

	private final ZoneId zone;

	Claims(JdbcClaims claims, JdbcListItems items, JdbcPartners partners, JdbcDocuments documentRows,
			ClaimNotices notices, PartnershipManagement management, Clock clock, ZoneId zone) {
		this.claims = claims;
		this.items = items;
		this.partners = partners;
		this.documentRows = documentRows;
		this.notices = notices;
		this.management = management;
		this.clock = clock;
		this.zone = zone;
	}

	/** The answer of a claim: the pledge, and whether this request made it (false: it existed already). */
	public record ClaimResult(Claim claim, boolean created) {
	}

	/**
	 * Claims an item: a unit takes a need or project (its liaison, or staff recording it for the unit), the
	 * community takes a resource. One conditional UPDATE decides how much is left, so that claimers at once never
	 * take more than the quantity; the database allows one claim per claimer and item, so a repeated claim answers
	 * the pledge that exists and changes nothing.
	 */
	@Transactional
	public ClaimResult claim(Actor actor, UUID itemId, ClaimItem body) {
		Access access = management.access(actor);
		ListItem item = items.item(access.scope(), itemId).orElseThrow(() -> DomainException.notFound("item"));
		ClaimerKind claimerKind;
		UUID claimerId;
		UUID deliverer;
		if (item.kind().claimedByPartners()) {
			claimerKind = ClaimerKind.PARTNER;
			if (access.liaison()) {
				if (body.partnerId() != null && !body.partnerId().equals(access.partnerId())) {
					throw DomainException.invalid(List.of(new FieldProblem("partnerId", "partnership.ownUnitOnly")));
				}
				claimerId = access.partnerId();
			}
			else {
				claimerId = body.partnerId();
				if (claimerId == null || partners.partner(access.scope(), claimerId, management.thisYear())
					.filter(p -> p.communityId().equals(item.communityId()))
					.isEmpty()) {
					throw DomainException.invalid(List.of(new FieldProblem("partnerId", "partnership.partnerRequired")));
				}
			}
			deliverer = claimerId;
		}
		else {
			if (access.liaison()) {
				throw new DomainException(Category.FORBIDDEN, "FORBIDDEN", "partnership.communityClaimsResources");
			}
			claimerKind = ClaimerKind.COMMUNITY;
			claimerId = item.communityId();
			deliverer = item.offeredBy();
		}
		Optional<Claim> existing = claims.claimOf(itemId, claimerId);
		if (existing.isPresent()) {
			return new ClaimResult(existing.get(), false);
		}
		LocalDate today = LocalDate.now(clock.withZone(zone));
		List<FieldProblem> problems = new ArrayList<>();
		BigDecimal amount = body.amount() != null ? body.amount() : item.remaining();
		if (amount.signum() <= 0 || amount.scale() > 2) {
			problems.add(new FieldProblem("amount", "partnership.quantity"));
		}
		LocalDate due = body.dueOn() != null ? body.dueOn() : item.periodEnd();
		if (due.isBefore(today)) {
			problems.add(new FieldProblem("dueOn", "partnership.dueInPast"));
		}
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
		ItemLifecycle.TABLE.require(item.status(), ItemAction.TAKE);
		Instant now = clock.instant();
		Claim claim = new Claim(Ids.newId(clock), itemId, item.title(), claimerKind, claimerId, null, deliverer, null,
				amount, due, ClaimStatus.PLEDGED, now, null, null, null, null, null);
		if (!claims.insertClaim(claim, actor.userId())) {
			// the same claimer claimed meanwhile (a double click, a retry): his pledge stands, nothing changes
			return new ClaimResult(claims.claimOf(itemId, claimerId).orElseThrow(), false);
		}
		if (!items.take(itemId, amount, now)) {
			// the exception rolls back the claim row inserted above; the item as it is now says why the take failed
			ListItem current = items.item(access.scope(), itemId).orElse(item);
			ItemLifecycle.TABLE.require(current.status(), ItemAction.TAKE);
			throw new DomainException(Category.CONFLICT, "OVER_CLAIMED", "partnership.overClaimed", current.remaining());
		}
		Claim made = claims.claimOf(itemId, claimerId).orElseThrow();
		if (access.liaison()) {
			// the community learns that a unit took its need; a claim staff recorded themselves needs no notice
			notices.tell(notices.staffOf(item.communityId()), "PARTNERSHIP_CLAIMED", "notice.partnership.claimed", item,
					made.claimerName());
		}
		return new ClaimResult(made, true);
	}

	// ---- delivery ----------------------------------------------------------------------------------------------

	/** The pledge as a step reads it: in the actor's scope, with the version its save is conditional on. */
	private Versioned<Claim> toStep(Access access, UUID claimId) {
		return claims.claimToStep(access.scope(), claimId).orElseThrow(() -> DomainException.notFound("claim"));
	}

	/** A pledge the actor delivers: a liaison's own unit's only; another unit's does not exist for him. */
	private Versioned<Claim> deliverable(Access access, UUID claimId) {
		Versioned<Claim> claim = toStep(access, claimId);
		if (access.liaison() && !access.partnerId().equals(claim.value().partnerId())) {
			throw DomainException.notFound("claim");
		}
		return claim;
	}

	@Transactional
	public DeliveryNote addProgress(Actor actor, UUID claimId, ProgressNote body) {
		Access access = management.access(actor);
		Claim claim = deliverable(access, claimId).value();
		List<FieldProblem> problems = new ArrayList<>();
		requireText(problems, "note", body.note(), 2000);
		requireOwnDocument(problems, "photoId", body.photoId(), actor, false);
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
		// the claim's row locked, so that a note never lands on a pledge that was delivered or accepted meanwhile
		ClaimStatus status = claims.lockClaim(claimId).orElse(claim.status());
		ClaimLifecycle.TABLE.require(status, ClaimAction.PROGRESS);
		DeliveryNote note = new DeliveryNote(Ids.newId(clock), claimId, DeliveryNote.Kind.PROGRESS,
				body.note().strip(), body.photoId(), clock.instant());
		claims.insertNote(note, actor.userId());
		return note;
	}

	/** The deliverer reports completion: a note, evidence (a photo) and what it added up to. */
	@Transactional
	public Claim complete(Actor actor, UUID claimId, Completion body) {
		Access access = management.access(actor);
		Versioned<Claim> loaded = deliverable(access, claimId);
		Claim claim = loaded.value();
		List<FieldProblem> problems = new ArrayList<>();
		requireText(problems, "note", body.note(), 2000);
		requireOwnDocument(problems, "evidenceId", body.evidenceId(), actor, true);
		if (body.valueYuan() != null && (body.valueYuan().signum() < 0 || body.valueYuan().scale() > 2)) {
			problems.add(new FieldProblem("valueYuan", "partnership.nonNegative"));
		}
		if (body.hours() != null && (body.hours().signum() < 0 || body.hours().scale() > 1)) {
			problems.add(new FieldProblem("hours", "partnership.nonNegative"));
		}
		if (body.peopleServed() != null && body.peopleServed() < 0) {
			problems.add(new FieldProblem("peopleServed", "partnership.nonNegative"));
		}
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
		ClaimLifecycle.TABLE.require(claim.status(), ClaimAction.DELIVER);
		Instant now = clock.instant();
		if (!claims.deliver(claimId, loaded.version(), now, body.valueYuan(), body.hours(), body.peopleServed())) {
			throw ClaimLifecycle.TABLE.illegal(statusNow(access, claim), ClaimAction.DELIVER);
		}
		claims.insertNote(new DeliveryNote(Ids.newId(clock), claimId, DeliveryNote.Kind.COMPLETION, body.note().strip(),
				body.evidenceId(), now), actor.userId());
		notices.tell(notices.staffOf(claim), "PARTNERSHIP_DELIVERED", "notice.partnership.delivered", claim,
				claim.partnerName());
		return claims.claim(access.scope(), claimId).orElseThrow();
	}

	/** The community accepts a delivered pledge; the unit's contribution record grows by it. */
	@Transactional
	public Claim accept(Actor actor, UUID claimId, Acceptance body) {
		Access access = management.staff(actor);
		Versioned<Claim> loaded = toStep(access, claimId);
		Claim claim = loaded.value();
		ClaimLifecycle.TABLE.require(claim.status(), ClaimAction.ACCEPT);
		Instant now = clock.instant();
		if (!claims.accept(claimId, loaded.version(), actor.userId(), now)) {
			throw ClaimLifecycle.TABLE.illegal(statusNow(access, claim), ClaimAction.ACCEPT);
		}
		String note = body == null || body.note() == null || body.note().isBlank() ? "验收通过" : body.note().strip();
		claims.insertNote(new DeliveryNote(Ids.newId(clock), claimId, DeliveryNote.Kind.ACCEPTANCE,
				note.length() > 2000 ? note.substring(0, 2000) : note, null, now), actor.userId());
		items.completeIfDone(claim.itemId(), now);
		notices.tell(notices.liaisonsOf(claim), "PARTNERSHIP_ACCEPTED", "notice.partnership.accepted", claim, note);
		return claims.claim(access.scope(), claimId).orElseThrow();
	}

	/**
	 * The community refuses a delivered pledge, with a reason: back to PLEDGED for the deliverer to deliver again, the
	 * delivery's figures cleared, the reason kept as a delivery note. One versioned save decides, so of two staff
	 * at once one sends it back and the other is told it is no longer delivered (as after an acceptance).
	 */
	@Transactional
	public Claim sendBack(Actor actor, UUID claimId, SendBack body) {
		Access access = management.staff(actor);
		Versioned<Claim> loaded = toStep(access, claimId);
		Claim claim = loaded.value();
		String reason = body == null ? null : body.reason();
		if (reason == null || reason.isBlank()) {
			throw DomainException.invalid(List.of(new FieldProblem("reason", "partnership.sendBackReason")));
		}
		if (reason.strip().length() > 2000) {
			throw DomainException.invalid(List.of(new FieldProblem("reason", "partnership.tooLong", 2000)));
		}
		ClaimLifecycle.TABLE.require(claim.status(), ClaimAction.SEND_BACK);
		if (!claims.sendBack(claimId, loaded.version())) {
			throw ClaimLifecycle.TABLE.illegal(statusNow(access, claim), ClaimAction.SEND_BACK);
		}
		claims.insertNote(new DeliveryNote(Ids.newId(clock), claimId, DeliveryNote.Kind.SENT_BACK, reason.strip(), null,
				clock.instant()), actor.userId());
		notices.tell(notices.liaisonsOf(claim), "PARTNERSHIP_SENT_BACK", "notice.partnership.sentBack", claim,
				reason.strip());
		return claims.claim(access.scope(), claimId).orElseThrow();
	}

	/**
	 * The state of a claim now, after its versioned save found it moved on: the refusal names this. Read in
	 * the actor's scope, in which the claim was just found (a scope does not change under a request).
	 */
	private ClaimStatus statusNow(Access access, Claim claim) {
		return claims.claim(access.scope(), claim.id()).map(Claim::status).orElse(claim.status());
	}

	private void requireOwnDocument(List<FieldProblem> problems, String field, UUID id, Actor actor,
			boolean required) {
		if (id == null) {
			if (required) {
				problems.add(new FieldProblem(field, "partnership.photoRequired"));
			}
			return;
		}
		if (!documentRows.documentUploadedBy(id, actor.userId())) {
			problems.add(new FieldProblem(field, "partnership.photoRequired"));
		}
	}
}
