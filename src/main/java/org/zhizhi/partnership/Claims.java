package org.zhizhi.partnership;


import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.MessageSource;
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
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.CommandShape;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.Ids;

/**
 * The two-way claims and their delivery: a unit pledges a need or project, the community a resource; the deliverer
 * reports progress and completion, the community accepts or sends it back. Each step: the {@link Pledge} read in the
 * actor's scope → {@link ClaimPolicy#refusal} → the request's shape → the pledge's step method → the versioned save,
 * which publishes its {@link PledgeEvent}s (told by {@link ClaimNotices}) → the delivery note, all in one transaction.
 */
@Service
public class Claims {

	private final JdbcClaims claims;

	private final JdbcListItems items;

	private final JdbcPartners partners;

	private final JdbcDocuments documentRows;

	private final ClaimNotices notices;

	private final PartnershipManagement management;

	private final CommandShape shape;

	private final Clock clock;

	private final ZoneId zone;

	private final MessageSource messages;

	Claims(JdbcClaims claims, JdbcListItems items, JdbcPartners partners, JdbcDocuments documentRows,
			ClaimNotices notices, PartnershipManagement management, CommandShape shape, Clock clock, ZoneId zone,
			MessageSource messages) {
		this.shape = shape;
		this.messages = messages;
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
		Item toTake = items.itemToStep(access.scope(), itemId).orElseThrow(() -> DomainException.notFound("item"));
		DomainException refusal = ItemPolicy.refusal(access, toTake, ItemAction.TAKE);
		if (refusal != null) {
			throw refusal;
		}
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
		// without an amount the whole remainder, always a valid one; a given amount is the command's shape
		BigDecimal amount = body.amount() != null ? body.amount() : item.remaining();
		LocalDate due = body.dueOn() != null ? body.dueOn() : item.periodEnd();
		if (due.isBefore(today)) {
			problems.add(new FieldProblem("dueOn", "partnership.dueInPast"));
		}
		shape.check(body, problems);
		Instant now = clock.instant();
		// the item as read refuses a claim of an item no longer open, or of more than is left, before anything is
		// written
		toTake.take(amount, actor.userId(), now);
		Pledge pledge = Pledge.make(Ids.newId(clock), itemId, claimerKind, claimerId, deliverer, amount, due,
				actor.userId(), now);
		if (!claims.add(pledge)) {
			// the same claimer claimed meanwhile (a double click, a retry): his pledge stands, nothing changes
			return new ClaimResult(claims.claimOf(itemId, claimerId).orElseThrow(), false);
		}
		if (!items.save(toTake)) {
			// another claim came first; the exception rolls back the pledge inserted above, and the item as it is
			// now says why: no longer open, or less left than this claim asks
			Item current = items.itemToStep(access.scope(), itemId).orElse(toTake);
			current.take(amount, actor.userId(), now);
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

	/**
	 * The pledge a step reads: in the actor's scope (404 outside it), the actor refused by {@link ClaimPolicy} unless
	 * the step is his — before the pledge is read for the community's steps (403 whatever the id), after it for the
	 * deliverer's (another unit's pledge does not exist for a liaison).
	 */
	private Pledge toStep(Access access, UUID claimId, ClaimAction action, boolean lock) {
		DomainException before = ClaimPolicy.refusalBeforeReading(access, action);
		if (before != null) {
			throw before;
		}
		Pledge pledge = claims.pledge(access.scope(), claimId, lock)
			.orElseThrow(() -> DomainException.notFound("claim"));
		DomainException refusal = ClaimPolicy.refusal(access, pledge, action);
		if (refusal != null) {
			throw refusal;
		}
		return pledge;
	}

	/**
	 * Saves the step; when someone moved the pledge first (no row at the version read), refuses it naming the state
	 * the pledge is in now — read in the actor's scope, in which it was just found (a scope does not change under a
	 * request).
	 */
	private void save(Access access, Pledge pledge, ClaimStatus read, ClaimAction action) {
		if (!claims.save(pledge)) {
			ClaimStatus now = claims.pledge(access.scope(), pledge.id(), false).map(Pledge::status).orElse(read);
			throw ClaimLifecycle.TABLE.illegal(now, action);
		}
	}

	@Transactional
	public DeliveryNote addProgress(Actor actor, UUID claimId, ProgressNote body) {
		// the pledge's row locked, so that a note never lands on a pledge that was delivered or accepted meanwhile
		Pledge pledge = toStep(management.access(actor), claimId, ClaimAction.PROGRESS, true);
		List<FieldProblem> problems = new ArrayList<>();
		requireOwnDocument(problems, "photoId", body.photoId(), actor, false);
		shape.check(body, problems);
		Instant now = clock.instant();
		pledge.progress(body.note().strip(), body.photoId(), actor.userId(), now);
		claims.save(pledge);
		DeliveryNote note = new DeliveryNote(Ids.newId(clock), claimId, DeliveryNote.Kind.PROGRESS,
				body.note().strip(), body.photoId(), now);
		claims.insertNote(note, actor.userId());
		return note;
	}

	/** The deliverer reports completion: a note, evidence (a photo) and what it added up to. */
	@Transactional
	public Claim complete(Actor actor, UUID claimId, Completion body) {
		Access access = management.access(actor);
		Pledge pledge = toStep(access, claimId, ClaimAction.DELIVER, false);
		List<FieldProblem> problems = new ArrayList<>();
		requireOwnDocument(problems, "evidenceId", body.evidenceId(), actor, true);
		shape.check(body, problems);
		ClaimStatus read = pledge.status();
		Instant now = clock.instant();
		pledge.deliver(body.note().strip(), body.evidenceId(), body.valueYuan(), body.hours(), body.peopleServed(),
				actor.userId(), now);
		save(access, pledge, read, ClaimAction.DELIVER);
		claims.insertNote(new DeliveryNote(Ids.newId(clock), claimId, DeliveryNote.Kind.COMPLETION, body.note().strip(),
				body.evidenceId(), now), actor.userId());
		return claims.claim(access.scope(), claimId).orElseThrow();
	}

	/** The community accepts a delivered pledge; the unit's contribution record grows by it. */
	@Transactional
	public Claim accept(Actor actor, UUID claimId, Acceptance body) {
		Access access = management.access(actor);
		Pledge pledge = toStep(access, claimId, ClaimAction.ACCEPT, false);
		String note = body == null || body.note() == null || body.note().isBlank()
				? messages.getMessage("partnership.acceptedNote", null, Locale.SIMPLIFIED_CHINESE)
				: body.note().strip();
		note = note.length() > 2000 ? note.substring(0, 2000) : note;
		ClaimStatus read = pledge.status();
		Instant now = clock.instant();
		pledge.accept(note, actor.userId(), now);
		save(access, pledge, read, ClaimAction.ACCEPT);
		claims.insertNote(new DeliveryNote(Ids.newId(clock), claimId, DeliveryNote.Kind.ACCEPTANCE, note, null, now),
				actor.userId());
		items.completeIfDone(pledge.itemId(), now);
		return claims.claim(access.scope(), claimId).orElseThrow();
	}

	/**
	 * The community refuses a delivered pledge, with a reason: back to PLEDGED for the deliverer to deliver again, the
	 * delivery's figures cleared, the reason kept as a delivery note. One versioned save decides, so of two staff
	 * at once one sends it back and the other is told it is no longer delivered (as after an acceptance).
	 */
	@Transactional
	public Claim sendBack(Actor actor, UUID claimId, SendBack body) {
		Access access = management.access(actor);
		Pledge pledge = toStep(access, claimId, ClaimAction.SEND_BACK, false);
		String reason = shape.check(body == null ? new SendBack(null) : body).reason();
		ClaimStatus read = pledge.status();
		Instant now = clock.instant();
		pledge.sendBack(reason.strip(), actor.userId(), now);
		save(access, pledge, read, ClaimAction.SEND_BACK);
		claims.insertNote(new DeliveryNote(Ids.newId(clock), claimId, DeliveryNote.Kind.SENT_BACK, reason.strip(), null,
				now), actor.userId());
		return claims.claim(access.scope(), claimId).orElseThrow();
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
