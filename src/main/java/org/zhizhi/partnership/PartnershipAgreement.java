package org.zhizhi.partnership;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.zhizhi.partnership.Agreement.Status;
import org.zhizhi.shared.AggregateRoot;

/**
 * A yearly partnership agreement (共驻共建协议书) as its step changes it: {@link #sign} asks {@link AgreementLifecycle},
 * records the signed document and the day, and registers {@link AgreementSigned}. Who may sign is
 * {@link AgreementPolicy}'s; {@link Agreement} is what is shown.
 */
public final class PartnershipAgreement extends AggregateRoot<AgreementEvent> {

	private final UUID id;
	private final UUID partnerId;
	private final UUID communityId;
	private final int year;

	private Status status;
	private UUID documentId;
	private LocalDate signedOn;

	/** An agreement as stored; registers nothing. */
	public PartnershipAgreement(UUID id, UUID partnerId, UUID communityId, int year, Status status, UUID documentId,
			LocalDate signedOn, int version) {
		super(version);
		this.id = id;
		this.partnerId = partnerId;
		this.communityId = communityId;
		this.year = year;
		this.status = status;
		this.documentId = documentId;
		this.signedOn = signedOn;
	}

	/** Signed with the signed document (a PDF or a photo of it) on the day given: from DRAFT only. */
	public void sign(UUID documentId, LocalDate on, UUID by, Instant at) {
		Status from = status;
		status = AgreementLifecycle.TABLE.next(status, AgreementAction.SIGN);
		this.documentId = documentId;
		this.signedOn = on;
		register(new AgreementSigned(id, partnerId, communityId, year, from, status, documentId, on, by, at));
	}

	public UUID id() {
		return id;
	}

	public UUID partnerId() {
		return partnerId;
	}

	public UUID communityId() {
		return communityId;
	}

	public int year() {
		return year;
	}

	public Status status() {
		return status;
	}

	public UUID documentId() {
		return documentId;
	}

	public LocalDate signedOn() {
		return signedOn;
	}
}
