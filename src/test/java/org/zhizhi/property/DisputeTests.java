package org.zhizhi.property;

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

/** A dispute's way from mediation to agreement, follow-up and closing, or to a referral; the policy — without Spring. */
class DisputeTests {

	private static final LocalDate DAY = LocalDate.of(2026, 9, 1);

	@Test
	void anAgreementNeedsASessionAndAClosingAFollowUp() {
		Dispute dispute = open();
		assertThatThrownBy(() -> dispute.settle(DAY, 15_000_00L, "赔偿 1.5 万元"))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("NOT_MEDIATED"));
		dispute.session();
		dispute.session();
		dispute.settle(DAY, 15_000_00L, "赔偿 1.5 万元");
		assertThat(dispute.state()).isEqualTo(DisputeState.SETTLED);
		assertThat(dispute.sessions()).isEqualTo(2);
		assertThatThrownBy(dispute::session).as("no session after the agreement").isInstanceOf(DomainException.class);
		assertThatThrownBy(() -> dispute.close(DAY))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("NOT_FOLLOWED_UP"));
		dispute.followUp();
		dispute.close(DAY.plusDays(30));
		assertThat(dispute.state()).isEqualTo(DisputeState.CLOSED);
		assertThatThrownBy(dispute::followUp).isInstanceOf(DomainException.class);
	}

	@Test
	void aDisputeWithoutAgreementIsReferredAndEndsThere() {
		Dispute dispute = open();
		dispute.session();
		dispute.refer("花园路街道人民调解委员会");
		assertThat(dispute.state()).isEqualTo(DisputeState.REFERRED);
		assertThatThrownBy(() -> dispute.settle(DAY, null, "x")).isInstanceOf(DomainException.class);
		assertThatThrownBy(dispute::followUp).isInstanceOf(DomainException.class);
	}

	@Test
	void theDeskOfTheScopeRecordsItsStepsWhatIsNotReadyIsNotOffered() {
		DataScope place = new DataScope(UUID.randomUUID(), "/" + UUID.randomUUID() + "/");
		Actor desk = new Actor(UUID.randomUUID(), "jinhe", "金鹤社区", Set.of(Role.COMMUNITY_STAFF), place);
		Actor liaison = new Actor(UUID.randomUUID(), "wuye", "物业", Set.of(Role.PROPERTY_STAFF), place);
		Dispute dispute = open();
		assertThat(DisputePolicy.allowedActions(desk, dispute, true))
			.as("no agreement before a session").containsExactlyInAnyOrder(DisputeAction.SESSION, DisputeAction.REFER);
		dispute.session();
		assertThat(DisputePolicy.allowedActions(desk, dispute, true)).contains(DisputeAction.SETTLE);
		assertThat(DisputePolicy.allowedActions(desk, dispute, false)).isEmpty();
		assertThat(DisputePolicy.refusal(liaison, true, DisputeAction.SESSION).code()).isEqualTo("ROLE_NOT_ALLOWED");
		assertThat(DisputePolicy.refusal(desk, false, DisputeAction.SESSION).category())
			.isEqualTo(DomainException.Category.NOT_FOUND);
	}

	private static Dispute open() {
		return Dispute.record(UUID.randomUUID(), new Dispute.Case(UUID.randomUUID(), "华城国际", "/x/", UUID.randomUUID(),
				"滑板车撞倒老人", DisputeKind.DAMAGE, "老人家属；小孩父母", "经过", 50_000_00L, null, null, UUID.randomUUID(),
				"金鹤社区", Instant.now()));
	}
}
