package org.zhizhi.partnership;

import static org.zhizhi.partnership.Inputs.blankToNull;
import static org.zhizhi.partnership.Inputs.checkPosition;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.identity.Account;
import org.zhizhi.identity.AccountQueries;
import org.zhizhi.partnership.PartnershipCommands.NewAgreement;
import org.zhizhi.partnership.PartnershipCommands.NewPartner;
import org.zhizhi.partnership.PartnershipCommands.SignAgreement;
import org.zhizhi.partnership.PartnershipManagement.Access;
import org.zhizhi.partnership.persistence.Board;
import org.zhizhi.partnership.persistence.JdbcAgreements;
import org.zhizhi.partnership.persistence.JdbcDocuments;
import org.zhizhi.partnership.persistence.JdbcPartners;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.CommandShape;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.Ids;
import org.zhizhi.shared.Role;

/** The commands on partner units: registering a unit, binding its liaisons, its yearly agreements. Staff only. */
@Service
public class Partners {

	private final JdbcPartners partners;

	private final JdbcAgreements agreements;

	private final JdbcDocuments documentRows;

	private final PartnershipManagement management;

	private final AccountQueries accounts;

	private final CommandShape shape;

	private final Clock clock;

	private final ZoneId zone;

	Partners(JdbcPartners partners, JdbcAgreements agreements, JdbcDocuments documentRows,
			PartnershipManagement management, AccountQueries accounts, CommandShape shape, Clock clock, ZoneId zone) {
		this.shape = shape;
		this.partners = partners;
		this.agreements = agreements;
		this.documentRows = documentRows;
		this.management = management;
		this.accounts = accounts;
		this.clock = clock;
		this.zone = zone;
	}

	// ---- partner units and liaisons ----------------------------------------------------------------------------

	@Transactional
	public PartnerUnit addPartner(Actor actor, NewPartner body) {
		management.staff(actor);
		List<FieldProblem> position = new ArrayList<>();
		checkPosition(position, body.lat(), body.lng());
		shape.check(body, position);
		Board board = management.community(actor, body.communityId());
		return insertPartner(board, body);
	}

	PartnerUnit insertPartner(Board board, NewPartner body) {
		if (partners.partnerByName(board.communityId(), body.name().strip(), management.thisYear()).isPresent()) {
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
		Access access = management.staff(actor);
		partners.partner(access.scope(), partnerId, management.thisYear())
			.orElseThrow(() -> DomainException.notFound("partner"));
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
		Access access = management.staff(actor);
		PartnerUnit partner = partners.partner(access.scope(), partnerId, management.thisYear())
			.orElseThrow(() -> DomainException.notFound("partner"));
		List<FieldProblem> year = new ArrayList<>();
		if (body.year() == null || body.year() < 2000 || body.year() > management.thisYear() + 1) {
			year.add(new FieldProblem("year", "partnership.year"));
		}
		shape.check(body, year);
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
		Access access = management.access(actor);
		DomainException before = AgreementPolicy.refusalBeforeReading(access, AgreementAction.SIGN);
		if (before != null) {
			throw before;
		}
		PartnershipAgreement agreement = agreements.agreementToStep(access.scope(), agreementId)
			.orElseThrow(() -> DomainException.notFound("agreement"));
		DomainException refusal = AgreementPolicy.refusal(access, agreement, AgreementAction.SIGN);
		if (refusal != null) {
			throw refusal;
		}
		shape.check(body);
		if (!documentRows.documentUploadedBy(body.documentId(), actor.userId())) {
			throw DomainException.invalid(List.of(new FieldProblem("documentId", "partnership.documentRequired")));
		}
		LocalDate today = LocalDate.now(clock.withZone(zone));
		LocalDate on = body.signedOn() != null ? body.signedOn() : today;
		// signed by today, and not before the year ahead of the one it is for (agreements are signed ahead of time)
		if (on.isAfter(today) || on.isBefore(LocalDate.of(agreement.year() - 1, 1, 1))) {
			throw DomainException.invalid(List.of(new FieldProblem("signedOn", "partnership.signedOn")));
		}
		Agreement.Status read = agreement.status();
		agreement.sign(body.documentId(), on, actor.userId(), clock.instant());
		if (!agreements.save(agreement)) {
			// someone signed it first: refused naming the state it is in now
			throw AgreementLifecycle.TABLE.illegal(agreements.agreement(access.scope(), agreementId)
				.map(Agreement::status)
				.orElse(read), AgreementAction.SIGN);
		}
		return agreements.agreement(access.scope(), agreementId).orElseThrow();
	}
}
