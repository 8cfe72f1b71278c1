package org.zhizhi.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Double entry as the domain states it, before the database checks it again. */
class NewMovementTests {

	private static final UUID POOL = UUID.randomUUID();

	private static final UUID PERSON = UUID.randomUUID();

	private static NewMovement movement(MovementKind kind, UUID reverses, List<Posting> postings) {
		return new NewMovement(UUID.randomUUID(), UUID.randomUUID(), kind, "test:" + UUID.randomUUID(), null, "测试",
				reverses, null, null, null, Instant.parse("2026-06-10T02:00:00Z"), UUID.randomUUID(), postings);
	}

	@Test
	void aTransferIsTwoSidesThatSumToZero() {
		NewMovement earned = movement(MovementKind.EARN, null, NewMovement.transfer(POOL, PERSON, 10));
		assertThat(earned.postings()).containsExactly(new Posting(POOL, -10), new Posting(PERSON, 10));
		assertThat(earned.postings().stream().mapToLong(Posting::amount).sum()).isZero();
		assertThatThrownBy(() -> NewMovement.transfer(POOL, PERSON, 0)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> NewMovement.transfer(POOL, PERSON, -3)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void entriesThatDoNotBalanceAreNoMovement() {
		assertThatThrownBy(() -> movement(MovementKind.EARN, null,
				List.of(new Posting(POOL, -10), new Posting(PERSON, 9)))).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("sum to zero");
		assertThatThrownBy(() -> movement(MovementKind.EARN, null, List.of(new Posting(PERSON, 0), new Posting(POOL, 0))))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> movement(MovementKind.EARN, null, List.of(new Posting(PERSON, 10))))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> movement(MovementKind.EARN, null,
				List.of(new Posting(PERSON, 10), new Posting(PERSON, -10)))).isInstanceOf(IllegalArgumentException.class);
		// three sides are fine when they balance (a redemption split between two sponsors, say)
		UUID other = UUID.randomUUID();
		assertThat(movement(MovementKind.CONFIRM, null,
				List.of(new Posting(POOL, -10), new Posting(PERSON, 4), new Posting(other, 6))).postings()).hasSize(3);
	}

	@Test
	void onlyAReversalNamesTheMovementItReverses() {
		UUID earlier = UUID.randomUUID();
		assertThat(movement(MovementKind.REVERSAL, earlier, NewMovement.transfer(PERSON, POOL, 10)).reverses())
			.isEqualTo(earlier);
		assertThatThrownBy(() -> movement(MovementKind.REVERSAL, null, NewMovement.transfer(PERSON, POOL, 10)))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> movement(MovementKind.EARN, earlier, NewMovement.transfer(POOL, PERSON, 10)))
			.isInstanceOf(IllegalArgumentException.class);
	}
}
