package org.zhizhi.partnership;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.zhizhi.identity.Account;
import org.zhizhi.identity.AccountQueries;
import org.zhizhi.notification.Notice;
import org.zhizhi.notification.Notifications;
import org.zhizhi.partnership.Claim.ClaimerKind;
import org.zhizhi.partnership.PartnershipCommands.Acceptance;
import org.zhizhi.partnership.PartnershipCommands.ClaimItem;
import org.zhizhi.partnership.PartnershipCommands.Completion;
import org.zhizhi.partnership.PartnershipCommands.NewAgreement;
import org.zhizhi.partnership.PartnershipCommands.NewItem;
import org.zhizhi.partnership.PartnershipCommands.NewPartner;
import org.zhizhi.partnership.PartnershipCommands.ProgressNote;
import org.zhizhi.partnership.PartnershipCommands.SendBack;
import org.zhizhi.partnership.PartnershipCommands.SignAgreement;
import org.zhizhi.partnership.persistence.JdbcAgreements;
import org.zhizhi.partnership.persistence.JdbcBoards;
import org.zhizhi.partnership.persistence.JdbcClaims;
import org.zhizhi.partnership.persistence.JdbcDocuments;
import org.zhizhi.partnership.persistence.JdbcListItems;
import org.zhizhi.partnership.persistence.JdbcPartners;
import org.zhizhi.partnership.persistence.Board;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.Ids;
import org.zhizhi.shared.Role;
import org.zhizhi.shared.Sha256;
import org.zhizhi.territory.OrgLevel;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.OrgUnitQueries;

/**
 * The commands of partnership: units, liaisons, agreements, list items, two-way claims and their delivery. Staff act
 * within their scope; a liaison acts only for his own unit.
 */
@Service
public class PartnershipManagement {

	/** Community staff and the tiers above run the lists of the communities in their scope. */
	public static final Set<Role> STAFF = EnumSet.of(Role.COMMUNITY_STAFF, Role.STREET_STAFF, Role.DISTRICT_ADMIN,
			Role.SYSTEM_ADMIN);

	/** Who is acting and what he may see: the scope prefix, and for a liaison his one unit. */
	public record Access(String scopeLike, UUID partnerId, boolean staff) {

		public boolean liaison() {
			return partnerId != null && !staff;
		}
	}

	private final JdbcBoards boards;

	private final JdbcPartners partners;

	private final JdbcAgreements agreements;

	private final JdbcDocuments documentRows;

	private final JdbcListItems items;

	private final JdbcClaims claims;

	private final OrgUnitQueries orgUnits;

	private final AccountQueries accounts;

	private final PartnershipDocuments documents;

	private final Clock clock;

	private final ZoneId zone;

	private final Notifications notifications;

	private final MessageSource messages;

	PartnershipManagement(JdbcBoards boards, JdbcPartners partners, JdbcAgreements agreements,
			JdbcDocuments documentRows, JdbcListItems items, JdbcClaims claims, OrgUnitQueries orgUnits, AccountQueries accounts,
			PartnershipDocuments documents, Notifications notifications, MessageSource messages, Clock clock, ZoneId zone) {
		this.boards = boards;
		this.partners = partners;
		this.agreements = agreements;
		this.documentRows = documentRows;
		this.items = items;
		this.claims = claims;
		this.notifications = notifications;
		this.messages = messages;
		this.orgUnits = orgUnits;
		this.accounts = accounts;
		this.documents = documents;
		this.clock = clock;
		this.zone = zone;
	}

	int thisYear() {
		return LocalDate.now(clock.withZone(zone)).getYear();
	}

	/** Staff see their scope; a liaison his unit's community and, of the pledges, only his unit's. Others nothing. */
	public Access access(Actor actor) {
		if (actor.hasAny(STAFF)) {
			return new Access(actor.scope().likePattern(), null, true);
		}
		if (actor.has(Role.PARTNER_LIAISON)) {
			UUID partner = partners.partnerOfLiaison(actor.userId()).orElse(null);
			if (partner != null) {
				return new Access(partners.partnerScope(partner) + "%", partner, false);
			}
		}
		throw new DomainException(Category.FORBIDDEN, "FORBIDDEN", "problem.forbidden");
	}

	/** Whether the roles open the partnership desk at all (the navigation; a liaison still needs his unit). */
	public static boolean mayOpenDesk(Actor actor) {
		return actor.hasAny(STAFF) || actor.has(Role.PARTNER_LIAISON);
	}

	/** Whether the user works with the partnership pages at all (for the navigation). */
	public boolean mayUse(Actor actor) {
		return actor.hasAny(STAFF)
				|| actor.has(Role.PARTNER_LIAISON) && partners.partnerOfLiaison(actor.userId()).isPresent();
	}

	Access staff(Actor actor) {
		Access access = access(actor);
		if (!access.staff()) {
			throw new DomainException(Category.FORBIDDEN, "FORBIDDEN", "problem.forbidden");
		}
		return access;
	}

	/** The community of the staff member's scope, or the one named inside it; remembered for the public page. */
	Board community(Actor actor, UUID communityId) {
		UUID id = communityId != null ? communityId : actor.scope().orgUnitId();
		OrgUnit unit = orgUnits.find(actor.scope(), id).orElse(null);
		if (unit == null || unit.level() != OrgLevel.COMMUNITY) {
			throw DomainException.invalid(List.of(new FieldProblem("communityId", "partnership.communityRequired")));
		}
		Board board = new Board(unit.id(), unit.code(), unit.name(), unit.path(), DataScope.districtOf(unit.path()));
		boards.ensureBoard(board);
		return board;
	}

	// ---- partner units and liaisons ----------------------------------------------------------------------------

	@Transactional
	public PartnerUnit addPartner(Actor actor, NewPartner body) {
		staff(actor);
		List<FieldProblem> problems = new ArrayList<>();
		requireText(problems, "name", body.name(), 128);
		if (body.type() == null) {
			problems.add(new FieldProblem("type", "validation.required"));
		}
		optionalText(problems, "partyOrgName", body.partyOrgName(), 128);
		optionalText(problems, "address", body.address(), 256);
		optionalText(problems, "contactName", body.contactName(), 64);
		if (body.contactPhone() != null && !body.contactPhone().isBlank()
				&& !body.contactPhone().strip().matches("[0-9+\\- ]{5,32}")) {
			problems.add(new FieldProblem("contactPhone", "partnership.phone"));
		}
		checkPosition(problems, body.lat(), body.lng());
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
		Board board = community(actor, body.communityId());
		return insertPartner(board, body);
	}

	PartnerUnit insertPartner(Board board, NewPartner body) {
		if (partners.partnerByName(board.communityId(), body.name().strip(), thisYear()).isPresent()) {
			throw new DomainException(Category.CONFLICT, "DUPLICATE", "partnership.partnerExists");
		}
		PartnerUnit unit = new PartnerUnit(Ids.newId(clock), board.communityId(), board.name(), body.name().strip(),
				body.type(), blankToNull(body.partyOrgName()), blankToNull(body.address()), body.lat(), body.lng(),
				blankToNull(body.contactName()), blankToNull(body.contactPhone()), false);
		partners.insertPartner(unit, board.path(), board.districtId(), clock.instant());
		return unit;
	}

	/** Makes a liaison account of the staff member's scope the liaison of the unit; an account serves one unit. */
	@Transactional
	public void addLiaison(Actor actor, UUID partnerId, UUID accountId) {
		Access access = staff(actor);
		partners.partner(access.scopeLike(), partnerId, thisYear()).orElseThrow(() -> DomainException.notFound("partner"));
		Account account = accountId == null ? null : accounts.find(actor.scope(), accountId).orElse(null);
		if (account == null || !account.roles().contains(Role.PARTNER_LIAISON)) {
			throw DomainException.invalid(List.of(new FieldProblem("accountId", "partnership.liaisonAccount")));
		}
		if (!partners.addLiaison(partnerId, accountId)) {
			throw new DomainException(Category.CONFLICT, "LIAISON_ELSEWHERE", "partnership.liaisonElsewhere");
		}
	}

	// ---- agreements --------------------------------------------------------------------------------------------

	@Transactional
	public Agreement addAgreement(Actor actor, UUID partnerId, NewAgreement body) {
		Access access = staff(actor);
		PartnerUnit partner = partners.partner(access.scopeLike(), partnerId, thisYear())
			.orElseThrow(() -> DomainException.notFound("partner"));
		List<FieldProblem> problems = new ArrayList<>();
		if (body.year() == null || body.year() < 2000 || body.year() > thisYear() + 1) {
			problems.add(new FieldProblem("year", "partnership.year"));
		}
		requireText(problems, "commitments", body.commitments(), 4000);
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
		Agreement agreement = new Agreement(Ids.newId(clock), partner.id(), partner.communityId(), body.year(),
				body.commitments().strip(), Agreement.Status.DRAFT, null, null);
		if (!agreements.insertAgreement(agreement, clock.instant())) {
			throw new DomainException(Category.CONFLICT, "DUPLICATE", "partnership.agreementExists");
		}
		return agreement;
	}

	/** Signing needs the signed document (a PDF or a photo of it) uploaded first. */
	@Transactional
	public Agreement signAgreement(Actor actor, UUID agreementId, SignAgreement body) {
		Access access = staff(actor);
		Agreement agreement = agreements.agreement(access.scopeLike(), agreementId)
			.orElseThrow(() -> DomainException.notFound("agreement"));
		if (body.documentId() == null || !documentRows.documentUploadedBy(body.documentId(), actor.userId())) {
			throw DomainException.invalid(List.of(new FieldProblem("documentId", "partnership.documentRequired")));
		}
		LocalDate today = LocalDate.now(clock.withZone(zone));
		LocalDate on = body.signedOn() != null ? body.signedOn() : today;
		// signed by today, and not before the year ahead of the one it is for (agreements are signed ahead of time)
		if (on.isAfter(today) || on.isBefore(LocalDate.of(agreement.year() - 1, 1, 1))) {
			throw DomainException.invalid(List.of(new FieldProblem("signedOn", "partnership.signedOn")));
		}
		if (!agreements.signAgreement(agreement.id(), body.documentId(), on)) {
			throw new DomainException(Category.CONFLICT, "ILLEGAL_TRANSITION", "partnership.agreementNotDraft",
					agreements.agreement(access.scopeLike(), agreementId).map(Agreement::status).orElse(agreement.status()));
		}
		return agreements.agreement(access.scopeLike(), agreementId).orElseThrow();
	}

	// ---- documents ---------------------------------------------------------------------------------------------

	/** Stores a checked upload — a photo, or for agreements a PDF too — and answers its id. */
	@Transactional
	public UUID upload(Actor actor, byte[] bytes, boolean pdfAllowed) {
		access(actor);
		PartnershipDocuments.Checked checked = documents.check(bytes,
				pdfAllowed ? PartnershipDocuments.Accept.IMAGE_OR_PDF : PartnershipDocuments.Accept.IMAGE);
		UUID id = Ids.newId(clock);
		// the file first: a row never points at a missing file
		documents.put(id, checked.bytes());
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			// the command this upload serves may still be refused: then its row rolls back, and so does the file
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					if (status == STATUS_ROLLED_BACK) {
						documents.delete(id);
					}
				}
			});
		}
		documentRows.insertDocument(id, checked.mediaType(), checked.bytes().length,
				Sha256.hex(checked.bytes()), actor.userId(), clock.instant());
		return id;
	}

	/**
	 * Uploads a document and runs the command that attaches it, in one transaction: a form that sends the photo with
	 * its note (a page has no separate upload step) leaves no unattached document behind when the command is
	 * refused. Without bytes the command runs with no document.
	 */
	@Transactional
	public <T> T withDocument(Actor actor, byte[] bytes, boolean pdfAllowed, java.util.function.Function<UUID, T> command) {
		UUID id = bytes == null || bytes.length == 0 ? null : upload(actor, bytes, pdfAllowed);
		return command.apply(id);
	}

	public record StoredDocument(byte[] bytes, String mediaType) {
	}

	@Transactional(readOnly = true)
	public StoredDocument document(Actor actor, UUID id) {
		Access access = access(actor);
		if (!documentRows.documentUploadedBy(id, actor.userId())
				&& !documentRows.documentVisible(id, access.scopeLike(), access.liaison() ? access.partnerId() : null)) {
			throw DomainException.notFound("document");
		}
		String type = documentRows.documentType(id).orElseThrow(() -> DomainException.notFound("document"));
		return new StoredDocument(documents.get(id).orElseThrow(() -> DomainException.notFound("document")), type);
	}

	// ---- the three lists ---------------------------------------------------------------------------------------

	/** Staff publish needs, projects and resources; a liaison publishes his own unit's resources. */
	@Transactional
	public ListItem publish(Actor actor, NewItem body) {
		Access access = access(actor);
		List<FieldProblem> problems = new ArrayList<>();
		if (body.kind() == null) {
			problems.add(new FieldProblem("kind", "validation.required"));
		}
		requireText(problems, "title", body.title(), 128);
		if (body.category() == null) {
			problems.add(new FieldProblem("category", "validation.required"));
		}
		optionalText(problems, "description", body.description(), 4000);
		if (body.quantity() == null || body.quantity().signum() <= 0
				|| body.quantity().compareTo(new BigDecimal("1000000000")) >= 0 || body.quantity().scale() > 2) {
			problems.add(new FieldProblem("quantity", "partnership.quantity"));
		}
		if (body.measure() == null) {
			problems.add(new FieldProblem("measure", "validation.required"));
		}
		if (body.periodStart() == null) {
			problems.add(new FieldProblem("periodStart", "validation.required"));
		}
		if (body.periodEnd() == null || body.periodStart() != null && body.periodEnd().isBefore(body.periodStart())) {
			problems.add(new FieldProblem("periodEnd", "partnership.periodEnd"));
		}
		checkPosition(problems, body.lat(), body.lng());
		UUID offeredBy = null;
		Board board;
		if (access.liaison()) {
			if (body.kind() != null && body.kind() != ItemKind.RESOURCE) {
				problems.add(new FieldProblem("kind", "partnership.liaisonResourcesOnly"));
			}
			offeredBy = access.partnerId();
			PartnerUnit own = partners.partner(access.scopeLike(), offeredBy, thisYear()).orElseThrow();
			board = boards.board(own.communityId()).orElseThrow();
		}
		else {
			if (body.kind() == ItemKind.RESOURCE) {
				offeredBy = body.offeredBy();
				if (offeredBy == null || partners.partner(access.scopeLike(), offeredBy, thisYear()).isEmpty()) {
					problems.add(new FieldProblem("offeredBy", "partnership.offeredBy"));
				}
			}
			board = problems.isEmpty() ? community(actor, body.communityId()) : null;
		}
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
		if (offeredBy != null) {
			PartnerUnit offerer = partners.partner(access.scopeLike(), offeredBy, thisYear()).orElseThrow();
			if (!offerer.communityId().equals(board.communityId())) {
				throw DomainException.invalid(List.of(new FieldProblem("offeredBy", "partnership.offeredBy")));
			}
		}
		ListItem item = new ListItem(Ids.newId(clock), board.communityId(), board.name(), body.kind(), offeredBy, null,
				body.title().strip(), body.category(), body.description() == null ? "" : body.description().strip(),
				body.quantity(), body.measure(), BigDecimal.ZERO, body.periodStart(), body.periodEnd(), body.lat(),
				body.lng(), ItemStatus.OPEN, clock.instant(), null, null, null, null, null, null);
		items.insertItem(item, board.path(), board.districtId());
		return items.item(board.path() + "%", item.id()).orElseThrow();
	}

	/** An item nobody has claimed yet may be taken off the list. */
	@Transactional
	public ListItem withdraw(Actor actor, UUID itemId) {
		Access access = access(actor);
		ListItem item = items.item(access.scopeLike(), itemId).orElseThrow(() -> DomainException.notFound("item"));
		if (access.liaison() && !access.partnerId().equals(item.offeredBy())) {
			throw new DomainException(Category.FORBIDDEN, "FORBIDDEN", "problem.forbidden");
		}
		if (!items.withdrawItem(itemId)) {
			throw new DomainException(Category.CONFLICT, "ILLEGAL_TRANSITION", "partnership.notWithdrawable",
					item.status());
		}
		return items.item(access.scopeLike(), itemId).orElseThrow();
	}

	// ---- two-way claiming --------------------------------------------------------------------------------------

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
		Access access = access(actor);
		ListItem item = items.item(access.scopeLike(), itemId).orElseThrow(() -> DomainException.notFound("item"));
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
				if (claimerId == null || partners.partner(access.scopeLike(), claimerId, thisYear())
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
		if (item.status() != ItemStatus.OPEN) {
			throw new DomainException(Category.CONFLICT, "NOT_OPEN", "partnership.notOpen", item.status());
		}
		Instant now = clock.instant();
		Claim claim = new Claim(Ids.newId(clock), itemId, item.title(), claimerKind, claimerId, null, deliverer, null,
				amount, due, ClaimStatus.PLEDGED, now, null, null, null, null, null);
		if (!claims.insertClaim(claim, actor.userId())) {
			// the same claimer claimed meanwhile (a double click, a retry): his pledge stands, nothing changes
			return new ClaimResult(claims.claimOf(itemId, claimerId).orElseThrow(), false);
		}
		if (!items.take(itemId, amount, now)) {
			// the exception rolls back the claim row inserted above; the item as it is now says why the take failed
			ListItem current = items.item(access.scopeLike(), itemId).orElse(item);
			if (current.status() != ItemStatus.OPEN) {
				throw new DomainException(Category.CONFLICT, "NOT_OPEN", "partnership.notOpen", current.status());
			}
			throw new DomainException(Category.CONFLICT, "OVER_CLAIMED", "partnership.overClaimed", current.remaining());
		}
		Claim made = claims.claimOf(itemId, claimerId).orElseThrow();
		if (access.liaison()) {
			// the community learns that a unit took its need; a claim staff recorded themselves needs no notice
			tell(staffOf(item.communityId()), "PARTNERSHIP_CLAIMED", "notice.partnership.claimed", item,
					made.claimerName());
		}
		return new ClaimResult(made, true);
	}

	// ---- delivery ----------------------------------------------------------------------------------------------

	private Claim deliverable(Actor actor, UUID claimId) {
		Access access = access(actor);
		Claim claim = claims.claim(access.scopeLike(), claimId).orElseThrow(() -> DomainException.notFound("claim"));
		if (access.liaison() && !access.partnerId().equals(claim.partnerId())) {
			throw DomainException.notFound("claim");
		}
		return claim;
	}

	@Transactional
	public DeliveryNote addProgress(Actor actor, UUID claimId, ProgressNote body) {
		Claim claim = deliverable(actor, claimId);
		List<FieldProblem> problems = new ArrayList<>();
		requireText(problems, "note", body.note(), 2000);
		requireOwnDocument(problems, "photoId", body.photoId(), actor, false);
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
		// the claim's row locked, so that a note never lands on a pledge that was delivered or accepted meanwhile
		ClaimStatus status = claims.lockClaim(claimId).orElse(claim.status());
		if (status != ClaimStatus.PLEDGED) {
			throw new DomainException(Category.CONFLICT, "ILLEGAL_TRANSITION", "partnership.claimState", status);
		}
		DeliveryNote note = new DeliveryNote(Ids.newId(clock), claimId, DeliveryNote.Kind.PROGRESS,
				body.note().strip(), body.photoId(), clock.instant());
		claims.insertNote(note, actor.userId());
		return note;
	}

	/** The deliverer reports completion: a note, evidence (a photo) and what it added up to. */
	@Transactional
	public Claim complete(Actor actor, UUID claimId, Completion body) {
		Claim claim = deliverable(actor, claimId);
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
		Instant now = clock.instant();
		if (!claims.deliver(claimId, now, body.valueYuan(), body.hours(), body.peopleServed())) {
			throw new DomainException(Category.CONFLICT, "ILLEGAL_TRANSITION", "partnership.claimState",
					statusNow(claim));
		}
		claims.insertNote(new DeliveryNote(Ids.newId(clock), claimId, DeliveryNote.Kind.COMPLETION, body.note().strip(),
				body.evidenceId(), now), actor.userId());
		tell(staffOf(claim), "PARTNERSHIP_DELIVERED", "notice.partnership.delivered", claim, claim.partnerName());
		return claims.claim("/%", claimId).orElseThrow();
	}

	/** The community accepts a delivered pledge; the unit's contribution record grows by it. */
	@Transactional
	public Claim accept(Actor actor, UUID claimId, Acceptance body) {
		Access access = staff(actor);
		Claim claim = claims.claim(access.scopeLike(), claimId).orElseThrow(() -> DomainException.notFound("claim"));
		Instant now = clock.instant();
		if (!claims.accept(claimId, actor.userId(), now)) {
			throw new DomainException(Category.CONFLICT, "ILLEGAL_TRANSITION", "partnership.claimState",
					statusNow(claim));
		}
		String note = body == null || body.note() == null || body.note().isBlank() ? "验收通过" : body.note().strip();
		claims.insertNote(new DeliveryNote(Ids.newId(clock), claimId, DeliveryNote.Kind.ACCEPTANCE,
				note.length() > 2000 ? note.substring(0, 2000) : note, null, now), actor.userId());
		items.completeIfDone(claim.itemId(), now);
		tell(liaisonsOf(claim), "PARTNERSHIP_ACCEPTED", "notice.partnership.accepted", claim, note);
		return claims.claim(access.scopeLike(), claimId).orElseThrow();
	}

	/**
	 * The community refuses a delivered pledge, with a reason: back to PLEDGED for the deliverer to deliver again, the
	 * delivery's figures cleared, the reason kept as a delivery note. One conditional UPDATE decides, so of two staff
	 * at once one sends it back and the other is told it is no longer delivered (as after an acceptance).
	 */
	@Transactional
	public Claim sendBack(Actor actor, UUID claimId, SendBack body) {
		Access access = staff(actor);
		Claim claim = claims.claim(access.scopeLike(), claimId).orElseThrow(() -> DomainException.notFound("claim"));
		String reason = body == null ? null : body.reason();
		if (reason == null || reason.isBlank()) {
			throw DomainException.invalid(List.of(new FieldProblem("reason", "partnership.sendBackReason")));
		}
		if (reason.strip().length() > 2000) {
			throw DomainException.invalid(List.of(new FieldProblem("reason", "partnership.tooLong", 2000)));
		}
		if (!claims.sendBack(claimId)) {
			throw new DomainException(Category.CONFLICT, "ILLEGAL_TRANSITION", "partnership.claimState",
					claims.claim(access.scopeLike(), claimId).map(Claim::status).orElse(claim.status()));
		}
		claims.insertNote(new DeliveryNote(Ids.newId(clock), claimId, DeliveryNote.Kind.SENT_BACK, reason.strip(), null,
				clock.instant()), actor.userId());
		tell(liaisonsOf(claim), "PARTNERSHIP_SENT_BACK", "notice.partnership.sentBack", claim, reason.strip());
		return claims.claim(access.scopeLike(), claimId).orElseThrow();
	}

	/** The state of a claim now, after a conditional update found it in another one: the refusal names this. */
	private ClaimStatus statusNow(Claim claim) {
		return claims.claim("/%", claim.id()).map(Claim::status).orElse(claim.status());
	}

	// ---- notices -----------------------------------------------------------------------------------------------

	private List<UUID> staffOf(UUID communityId) {
		return boards.board(communityId)
			.map(b -> accounts.covering(b.path(), EnumSet.of(Role.COMMUNITY_STAFF))
				.stream()
				.filter(Account::enabled)
				.map(Account::id)
				.toList())
			.orElse(List.of());
	}

	private List<UUID> staffOf(Claim claim) {
		return items.itemCommunity(claim.itemId()).map(this::staffOf).orElse(List.of());
	}

	private List<UUID> liaisonsOf(Claim claim) {
		return claim.partnerId() == null ? List.of() : partners.liaisonsOf(claim.partnerId());
	}

	/** Tells the recipients, in the step's transaction (the inbox row commits with the step or not at all). */
	private void tell(List<UUID> recipients, String kind, String key, ListItem item, String detail) {
		tell(recipients, kind, key, item.title(), item.id(), item.communityId(), detail);
	}

	private void tell(List<UUID> recipients, String kind, String key, Claim claim, String detail) {
		UUID community = items.itemCommunity(claim.itemId()).orElse(null);
		tell(recipients, kind, key, claim.itemTitle(), claim.itemId(), community, detail);
	}

	private void tell(List<UUID> recipients, String kind, String key, String title, UUID itemId, UUID communityId,
			String detail) {
		if (recipients.isEmpty() || communityId == null) {
			return;
		}
		UUID district = boards.board(communityId).map(Board::districtId).orElse(null);
		Object[] args = { title, detail == null ? "" : detail };
		notifications.notify(recipients, new Notice(kind, messages.getMessage(key + ".title", args, Locale.SIMPLIFIED_CHINESE),
				messages.getMessage(key + ".body", args, Locale.SIMPLIFIED_CHINESE), "/partnership/items/" + itemId,
				district));
	}

	// ---- input checks ------------------------------------------------------------------------------------------

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

	static void requireText(List<FieldProblem> problems, String field, String value, int max) {
		if (value == null || value.isBlank()) {
			problems.add(new FieldProblem(field, "validation.required"));
		}
		else if (value.strip().length() > max) {
			problems.add(new FieldProblem(field, "partnership.tooLong", max));
		}
	}

	static void optionalText(List<FieldProblem> problems, String field, String value, int max) {
		if (value != null && value.strip().length() > max) {
			problems.add(new FieldProblem(field, "partnership.tooLong", max));
		}
	}

	static void checkPosition(List<FieldProblem> problems, Double lat, Double lng) {
		if ((lat == null) != (lng == null) || lat != null && (lat < -90 || lat > 90 || lng < -180 || lng > 180)) {
			problems.add(new FieldProblem("lat", "partnership.position"));
		}
	}

	static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
