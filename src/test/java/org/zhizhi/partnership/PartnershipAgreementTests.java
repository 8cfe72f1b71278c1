package org.zhizhi.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhizhi.partnership.Agreement.Status;
import org.zhizhi.shared.DomainException;

/**
 * The yearly agreement without Spring: the signature from every state — a draft is signed with its document and day
 * and says so; any other state refuses naming itself and nothing changes.
 */
class PartnershipAgreementTests {

	private static final UUID SCHOOL = UUID.randomUUID();

	private static final UUID COMMUNITY = UUID.randomUUID();

	private static final UUID DOCUMENT = UUID.randomUUID();

	private static final UUID BY = UUID.randomUUID();

	private static final LocalDate ON = LocalDate.of(2026, 1, 15);

	private static final Instant NOW = Instant.parse("2026-01-15T02:00:00Z");

	@Test
	void aSignatureFromEveryStateSignsADraftOnly() {
		for (Status state : Status.values()) {
			PartnershipAgreement agreement = new PartnershipAgreement(UUID.randomUUID(), SCHOOL, COMMUNITY, 2026, state,
					null, null, 4);
			if (AgreementLifecycle.TABLE.allows(state, AgreementAction.SIGN)) {
				agreement.sign(DOCUMENT, ON, BY, NOW);
				assertThat(agreement.status()).isEqualTo(Status.SIGNED);
				assertThat(agreement.documentId()).isEqualTo(DOCUMENT);
				assertThat(agreement.signedOn()).isEqualTo(ON);
				assertThat(agreement.events()).singleElement()
					.isEqualTo(new AgreementSigned(agreement.id(), SCHOOL, COMMUNITY, 2026, state, Status.SIGNED,
							DOCUMENT, ON, BY, NOW));
			}
			else {
				assertThatThrownBy(() -> agreement.sign(DOCUMENT, ON, BY, NOW)).as("%s", state)
					.isInstanceOfSatisfying(DomainException.class, e -> {
						assertThat(e.code()).isEqualTo("ILLEGAL_TRANSITION");
						assertThat(e.messageKey()).isEqualTo("partnership.agreementNotDraft");
						assertThat(e.args()).contains(state.name(), AgreementAction.SIGN.name());
					});
				assertThat(agreement.status()).isEqualTo(state);
				assertThat(agreement.documentId()).isNull();
				assertThat(agreement.signedOn()).isNull();
				assertThat(agreement.events()).isEmpty();
			}
		}
	}
}
