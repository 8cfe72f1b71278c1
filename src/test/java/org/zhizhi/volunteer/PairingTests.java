package org.zhizhi.volunteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.Role;

/** A pairing's due day and lateness, its table and its policy — without Spring. */
class PairingTests {

	private static final LocalDate START = LocalDate.of(2026, 1, 10);

	private static final UUID HELPER = UUID.randomUUID();

	private static final DataScope COMMUNITY = new DataScope(UUID.randomUUID(), "/" + UUID.randomUUID() + "/" + UUID.randomUUID() + "/");

	@Test
	void theNextVisitIsDueEveryDaysAfterTheLastOneOrTheStartAndLateAfterThat() {
		Pairing pairing = Pairing.start(UUID.randomUUID(), terms(30));
		assertThat(pairing.dueOn()).isEqualTo(START.plusDays(30));
		assertThat(pairing.daysOverdue(START.plusDays(30))).as("due today is not late").isZero();
		assertThat(pairing.daysOverdue(START.plusDays(33))).isEqualTo(3);

		pairing.visit(UUID.randomUUID(), START.plusDays(33), Instant.now(), HELPER, "刘书记");
		assertThat(pairing.dueOn()).isEqualTo(START.plusDays(63));
		assertThat(pairing.daysOverdue(START.plusDays(40))).isZero();
		assertThat(pairing.visits()).isEqualTo(1);
		assertThat(pairing.events()).singleElement()
			.satisfies(e -> assertThat(e.personId()).as("the visit pays its helper").isEqualTo(HELPER));

		// a visit logged late, of a day before the last one, does not move the due day back
		pairing.visit(UUID.randomUUID(), START.plusDays(20), Instant.now(), HELPER, "刘书记");
		assertThat(pairing.lastVisitOn()).isEqualTo(START.plusDays(33));
		assertThat(pairing.visits()).isEqualTo(2);

		pairing.end(START.plusDays(70), "老人随子女搬走");
		assertThat(pairing.state()).isEqualTo(PairingState.ENDED);
		assertThat(pairing.daysOverdue(START.plusDays(200))).as("an ended pairing is never late").isZero();
		assertThatThrownBy(() -> pairing.visit(UUID.randomUUID(), START.plusDays(71), Instant.now(), HELPER, "刘书记"))
			.isInstanceOf(DomainException.class);
		assertThatThrownBy(() -> pairing.end(START.plusDays(71), "again")).isInstanceOf(DomainException.class);
	}

	@Test
	void theHelperLogsHisVisitsTheDeskEndsAndNobodyElseSeesIt() {
		Pairing pairing = Pairing.start(UUID.randomUUID(), terms(30));
		Actor helper = new Actor(HELPER, "lantern", "刘书记", Set.of(Role.PARTY_MEMBER), COMMUNITY);
		Actor desk = new Actor(UUID.randomUUID(), "xiaxinxin", "下新新社区", Set.of(Role.COMMUNITY_STAFF), COMMUNITY);
		Actor neighbour = new Actor(UUID.randomUUID(), "jumin", "张居民", Set.of(Role.RESIDENT), COMMUNITY);

		assertThat(PairingPolicy.allowedActions(helper, pairing, new PairingPolicy.Relation(true, false)))
			.containsExactly(PairingAction.VISIT);
		assertThat(PairingPolicy.allowedActions(desk, pairing, new PairingPolicy.Relation(false, true)))
			.as("the desk does not log visits it did not make").containsExactly(PairingAction.END);
		assertThat(PairingPolicy.refusal(desk, new PairingPolicy.Relation(false, true), PairingAction.VISIT).code())
			.isEqualTo("NOT_THE_HELPER");
		assertThat(PairingPolicy.refusal(helper, new PairingPolicy.Relation(true, false), PairingAction.END).code())
			.isEqualTo("ROLE_NOT_ALLOWED");
		assertThat(PairingPolicy.refusal(neighbour, new PairingPolicy.Relation(false, false), PairingAction.VISIT)
			.category()).isEqualTo(DomainException.Category.NOT_FOUND);
	}

	private static Pairing.Terms terms(int everyDays) {
		return new Pairing.Terms(UUID.randomUUID(), "新河街网格", COMMUNITY.path(), UUID.randomUUID(), null, HELPER,
				"刘书记", UUID.randomUUID(), "王秀英", "新河街 3 栋 101", PairingNeed.ELDER_ALONE, everyDays, START);
	}
}
