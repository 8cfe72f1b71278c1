package org.zhizhi.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhizhi.shared.DomainException;

/**
 * The list item aggregate without Spring: every step from every state (the table decides with the codes the API has
 * always answered, the fields change, one past-tense event is registered, a refused step changes nothing), and the
 * item's own rules — what is left, nobody claimed it yet, every pledge accepted.
 */
class ItemTests {

	private static final Instant PUBLISHED = Instant.parse("2026-06-01T02:00:00Z");

	private static final Instant NOW = Instant.parse("2026-06-20T02:00:00Z");

	private static final UUID BY = UUID.randomUUID();

	private static final List<ClaimStatus> ALL_ACCEPTED = List.of(ClaimStatus.ACCEPTED, ClaimStatus.ACCEPTED);

	@Test
	void aTakeFromEveryStateTakesFromAnOpenItemOnlyAndIsRefusedNotOpenElsewhere() {
		for (ItemStatus state : ItemStatus.values()) {
			Item item = itemIn(state, "1");
			if (ItemLifecycle.TABLE.allows(state, ItemAction.TAKE)) {
				item.take(new BigDecimal("2"), BY, NOW);
				assertThat(item.status()).isEqualTo(ItemStatus.OPEN);
				assertThat(item.claimed()).isEqualByComparingTo("3");
				assertThat(item.events()).singleElement()
					.isEqualTo(new ItemTaken(item.id(), item.communityId(), state, ItemStatus.OPEN, new BigDecimal("2"),
							new BigDecimal("3"), BY, NOW));
			}
			else {
				assertThatThrownBy(() -> item.take(BigDecimal.ONE, BY, NOW)).as("%s", state)
					.isInstanceOfSatisfying(DomainException.class, e -> {
						assertThat(e.code()).isEqualTo("NOT_OPEN");
						assertThat(e.args()).contains(state.name(), ItemAction.TAKE.name());
					});
				assertUnchanged(item, state, "1");
			}
		}
	}

	@Test
	void aTakeOfWhatIsLeftFillsTheItemAndOfMoreIsRefusedWithWhatIsLeft() {
		Item item = itemIn(ItemStatus.OPEN, "1");
		assertThatThrownBy(() -> item.take(new BigDecimal("3.5"), BY, NOW))
			.isInstanceOfSatisfying(DomainException.class, e -> {
				assertThat(e.code()).isEqualTo("OVER_CLAIMED");
				assertThat(e.args()).containsExactly(new BigDecimal("3"));
			});
		assertUnchanged(item, ItemStatus.OPEN, "1");

		item.take(new BigDecimal("3"), BY, NOW);
		assertThat(item.status()).isEqualTo(ItemStatus.FULLY_CLAIMED);
		assertThat(item.remaining()).isZero();
		assertThat(item.firstClaimedAt()).as("the first claim's time stays").isEqualTo(PUBLISHED.plusSeconds(60));

		Item fresh = itemIn(ItemStatus.OPEN, "0");
		fresh.take(BigDecimal.ONE, BY, NOW);
		assertThat(fresh.firstClaimedAt()).isEqualTo(NOW);
	}

	@Test
	void aWithdrawalFromEveryStateTakesAnUnclaimedOpenItemOffTheListOnly() {
		for (ItemStatus state : ItemStatus.values()) {
			for (String claimed : List.of("0", "1")) {
				Item item = itemIn(state, claimed);
				if (ItemLifecycle.TABLE.allows(state, ItemAction.WITHDRAW) && claimed.equals("0")) {
					item.withdraw(BY, NOW);
					assertThat(item.status()).isEqualTo(ItemStatus.WITHDRAWN);
					assertThat(item.events()).singleElement()
						.isEqualTo(new ItemWithdrawn(item.id(), item.communityId(), state, ItemStatus.WITHDRAWN, BY,
								NOW));
				}
				else {
					assertThatThrownBy(() -> item.withdraw(BY, NOW)).as("%s, %s claimed", state, claimed)
						.isInstanceOfSatisfying(DomainException.class, e -> {
							assertThat(e.code()).isEqualTo("ILLEGAL_TRANSITION");
							assertThat(e.messageKey()).isEqualTo("partnership.notWithdrawable");
							assertThat(e.args()).contains(state.name(), ItemAction.WITHDRAW.name());
						});
					assertUnchanged(item, state, claimed);
				}
			}
		}
	}

	@Test
	void anItemCompletesFromFullyClaimedOnlyAndOnlyWithEveryPledgeAccepted() {
		for (ItemStatus state : ItemStatus.values()) {
			Item item = itemIn(state, "4");
			boolean completed = item.completeIfDone(ALL_ACCEPTED, NOW);
			assertThat(completed).as("%s", state).isEqualTo(ItemLifecycle.TABLE.allows(state, ItemAction.COMPLETE));
			if (completed) {
				assertThat(item.status()).isEqualTo(ItemStatus.COMPLETED);
				assertThat(item.completedAt()).isEqualTo(NOW);
				assertThat(item.events()).singleElement()
					.isEqualTo(new ItemCompleted(item.id(), item.communityId(), state, ItemStatus.COMPLETED, NOW));
			}
			else {
				assertUnchanged(item, state, "4");
			}
		}
		Item waiting = itemIn(ItemStatus.FULLY_CLAIMED, "4");
		assertThat(waiting.completeIfDone(List.of(ClaimStatus.ACCEPTED, ClaimStatus.DELIVERED), NOW)).isFalse();
		assertUnchanged(waiting, ItemStatus.FULLY_CLAIMED, "4");
	}

	private static void assertUnchanged(Item item, ItemStatus state, String claimed) {
		assertThat(item.status()).isEqualTo(state);
		assertThat(item.claimed()).isEqualByComparingTo(claimed);
		assertThat(item.completedAt()).isNull();
		assertThat(item.events()).isEmpty();
	}

	/** A need of four, {@code claimed} of it pledged (the first a minute after it was published). */
	static Item itemIn(ItemStatus state, String claimed) {
		BigDecimal taken = new BigDecimal(claimed);
		return new Item(UUID.randomUUID(), UUID.randomUUID(), ItemKind.NEED, null, new BigDecimal("4"), state, taken,
				taken.signum() > 0 ? PUBLISHED.plusSeconds(60) : null, null, 2);
	}
}
