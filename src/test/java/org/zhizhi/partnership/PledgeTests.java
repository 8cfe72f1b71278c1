package org.zhizhi.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.zhizhi.partnership.Claim.ClaimerKind;
import org.zhizhi.shared.DomainException;

/**
 * The pledge aggregate without Spring: every step method from every state (the table decides, the fields change, one
 * past-tense event is registered, a refused step changes nothing and names the state), what a send-back clears, and
 * that a progress note moves nothing the save would write.
 */
class PledgeTests {

	private static final Instant CLAIMED = Instant.parse("2026-06-01T02:00:00Z");

	private static final Instant NOW = Instant.parse("2026-06-20T02:00:00Z");

	private static final UUID SCHOOL = UUID.randomUUID();

	private static final UUID BY = UUID.randomUUID();

	private static final UUID PHOTO = UUID.randomUUID();

	/** Each step method, called as {@link Claims} calls it. */
	private static final Map<ClaimAction, Consumer<Pledge>> STEPS = new EnumMap<>(Map.of(
			ClaimAction.PROGRESS, p -> p.progress("已联系医生", PHOTO, BY, NOW),
			ClaimAction.DELIVER, p -> p.deliver("义诊完成", PHOTO, new BigDecimal("1200.50"), new BigDecimal("6.5"), 80,
					BY, NOW),
			ClaimAction.ACCEPT, p -> p.accept("验收通过", BY, NOW),
			ClaimAction.SEND_BACK, p -> p.sendBack("照片看不清", BY, NOW)));

	private static final Map<ClaimAction, Class<? extends PledgeEvent>> EVENTS = new EnumMap<>(Map.of(
			ClaimAction.PROGRESS, PledgeProgressed.class, ClaimAction.DELIVER, PledgeDelivered.class,
			ClaimAction.ACCEPT, PledgeAccepted.class, ClaimAction.SEND_BACK, PledgeSentBack.class));

	@Test
	void everyStepFromEveryStateMovesThePledgeAndRegistersItsEventOrIsRefusedNamingTheState() {
		assertThat(STEPS.keySet()).containsExactlyInAnyOrder(ClaimAction.values());
		for (var step : STEPS.entrySet()) {
			ClaimAction action = step.getKey();
			for (ClaimStatus state : ClaimStatus.values()) {
				Pledge pledge = pledgeIn(state);
				if (ClaimLifecycle.TABLE.allows(state, action)) {
					step.getValue().accept(pledge);
					assertThat(pledge.status()).as("%s from %s", action, state)
						.isEqualTo(ClaimLifecycle.TABLE.next(state, action));
					assertThat(pledge.events()).as("%s from %s", action, state)
						.singleElement()
						.isInstanceOf(EVENTS.get(action))
						.satisfies(e -> assertThat(e.claimId()).isEqualTo(pledge.id()))
						.satisfies(e -> assertThat(e.partnerId()).isEqualTo(SCHOOL))
						.satisfies(e -> assertThat(e.by()).isEqualTo(BY))
						.satisfies(e -> assertThat(e.at()).isEqualTo(NOW));
					assertThat(pledge.moved()).as("%s from %s writes the row", action, state)
						.isEqualTo(action != ClaimAction.PROGRESS);
				}
				else {
					assertThatThrownBy(() -> step.getValue().accept(pledge)).as("%s from %s", action, state)
						.isInstanceOfSatisfying(DomainException.class, e -> {
							assertThat(e.code()).isEqualTo("ILLEGAL_TRANSITION");
							assertThat(e.args()).contains(state.name(), action.name());
						});
					assertThat(pledge.status()).isEqualTo(state);
					assertThat(pledge.events()).isEmpty();
					assertThat(pledge.moved()).isFalse();
				}
			}
		}
	}

	@Test
	void aClaimMakesAPledgedPledgeAndSaysSo() {
		Pledge pledge = Pledge.make(UUID.randomUUID(), UUID.randomUUID(), ClaimerKind.PARTNER, SCHOOL, SCHOOL,
				new BigDecimal("2"), LocalDate.of(2026, 12, 31), BY, CLAIMED);
		assertThat(pledge.status()).isEqualTo(ClaimStatus.PLEDGED);
		assertThat(pledge.version()).isZero();
		assertThat(pledge.events()).singleElement()
			.isEqualTo(new PledgeMade(pledge.id(), pledge.itemId(), SCHOOL, ClaimerKind.PARTNER, SCHOOL,
					new BigDecimal("2"), LocalDate.of(2026, 12, 31), BY, CLAIMED));
	}

	@Test
	void aDeliveryRecordsWhatItAddedUpToAndAnAcceptanceWhoAcceptedIt() {
		Pledge pledge = pledgeIn(ClaimStatus.PLEDGED);
		STEPS.get(ClaimAction.DELIVER).accept(pledge);
		assertThat(pledge.deliveredAt()).isEqualTo(NOW);
		assertThat(pledge.valueYuan()).isEqualByComparingTo("1200.50");
		assertThat(pledge.hours()).isEqualByComparingTo("6.5");
		assertThat(pledge.peopleServed()).isEqualTo(80);
		assertThat(pledge.events()).singleElement()
			.isEqualTo(new PledgeDelivered(pledge.id(), pledge.itemId(), SCHOOL, "义诊完成", PHOTO,
					new BigDecimal("1200.50"), new BigDecimal("6.5"), 80, BY, NOW));

		pledge.clearEvents();
		pledge.accept("很好", BY, NOW.plusSeconds(60));
		assertThat(pledge.acceptedAt()).isEqualTo(NOW.plusSeconds(60));
		assertThat(pledge.acceptedBy()).isEqualTo(BY);
		assertThat(pledge.valueYuan()).as("an acceptance keeps what the delivery reported").isEqualByComparingTo("1200.50");
		assertThat(pledge.events()).singleElement()
			.isEqualTo(new PledgeAccepted(pledge.id(), pledge.itemId(), SCHOOL, "很好", BY, NOW.plusSeconds(60)));
	}

	@Test
	void aSendBackClearsWhatTheDeliveryReportedAndKeepsTheReason() {
		Pledge pledge = pledgeIn(ClaimStatus.DELIVERED);
		pledge.sendBack("照片看不清", BY, NOW);
		assertThat(pledge.status()).isEqualTo(ClaimStatus.PLEDGED);
		assertThat(pledge.deliveredAt()).isNull();
		assertThat(pledge.valueYuan()).isNull();
		assertThat(pledge.hours()).isNull();
		assertThat(pledge.peopleServed()).isNull();
		assertThat(pledge.amount()).as("the pledge itself stands").isEqualByComparingTo("2");
		assertThat(pledge.events()).singleElement()
			.isEqualTo(new PledgeSentBack(pledge.id(), pledge.itemId(), SCHOOL, "照片看不清", BY, NOW));

		// and it is delivered again, anew
		pledge.deliver("重新完成", PHOTO, null, null, 12, BY, NOW.plusSeconds(3600));
		assertThat(pledge.status()).isEqualTo(ClaimStatus.DELIVERED);
		assertThat(pledge.peopleServed()).isEqualTo(12);
		assertThat(pledge.valueYuan()).isNull();
	}

	/** The school's pledge in the state, as the repository reads it (delivered or accepted ones with their figures). */
	static Pledge pledgeIn(ClaimStatus state) {
		return pledgeIn(SCHOOL, state);
	}

	/** A pledge the unit delivers, in the state. */
	static Pledge pledgeIn(UUID deliverer, ClaimStatus state) {
		boolean delivered = state != ClaimStatus.PLEDGED;
		boolean accepted = state == ClaimStatus.ACCEPTED;
		return new Pledge(UUID.randomUUID(), UUID.randomUUID(), ClaimerKind.PARTNER, deliverer, deliverer,
				new BigDecimal("2"), LocalDate.of(2026, 12, 31), BY, CLAIMED, state,
				delivered ? CLAIMED.plusSeconds(86_400) : null, accepted ? CLAIMED.plusSeconds(172_800) : null,
				accepted ? BY : null, delivered ? new BigDecimal("300") : null, delivered ? BigDecimal.ONE : null,
				delivered ? 20 : null, 3);
	}
}
