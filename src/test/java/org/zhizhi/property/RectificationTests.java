package org.zhizhi.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.Role;

/** A rectification's life without Spring: following the loop, the inspector's check, lateness, the policy. */
class RectificationTests {

	static final Instant NOW = Instant.parse("2026-03-10T02:00:00Z");

	static final Instant DUE = NOW.plusSeconds(3600);

	static Rectification issued() {
		return Rectification.issue(UUID.randomUUID(), new Rectification.Order(UUID.randomUUID(), UUID.randomUUID(),
				UUID.randomUUID(), "华城国际", "B01", "楼道堆物", "/c/d/s/m/", UUID.randomUUID(), UUID.randomUUID(), NOW),
				new Rectification.Loop("ASSIGNED", DUE, 0, 0));
	}

	static Rectification in(RectificationState state) {
		Rectification r = issued();
		if (state != RectificationState.ISSUED) {
			r.follow(new Rectification.Loop("RESOLVED", DUE, 0, 0), state != RectificationState.WITHDRAWN,
					state == RectificationState.WITHDRAWN, NOW);
		}
		if (state == RectificationState.PASSED) {
			r.pass(NOW);
		}
		return r;
	}

	@Test
	void resolvedInTheLoopItWaitsForTheCheckPassedItIsDoneSentBackItIsIssuedAgain() {
		Rectification r = issued();
		r.follow(new Rectification.Loop("CLAIMED", DUE, 0, 0), false, false, NOW);
		assertThat(r.state()).isEqualTo(RectificationState.ISSUED);
		r.follow(new Rectification.Loop("RESOLVED", DUE, 0, 0), true, false, NOW.plusSeconds(60));
		assertThat(r.state()).isEqualTo(RectificationState.ANSWERED);
		assertThat(r.answeredAt()).isEqualTo(NOW.plusSeconds(60));
		r.sendBack();
		assertThat(r.state()).isEqualTo(RectificationState.ISSUED);
		assertThat(r.sentBack()).isEqualTo(1);
		assertThat(r.answeredAt()).isNull();
		r.follow(new Rectification.Loop("RESOLVED", DUE, 0, 0), true, false, NOW.plusSeconds(120));
		r.pass(NOW.plusSeconds(180));
		assertThat(r.state()).isEqualTo(RectificationState.PASSED);
		assertThat(r.closedAt()).isEqualTo(NOW.plusSeconds(180));
	}

	@Test
	void lateWhileWithTheCompanyAfterTheLoopsDeadline() {
		Rectification r = issued();
		assertThat(r.overdue(DUE)).isFalse();
		assertThat(r.overdue(DUE.plusSeconds(1))).isTrue();
		r.follow(new Rectification.Loop("RESOLVED", DUE, 1, 1), true, false, DUE.plusSeconds(2));
		assertThat(r.overdue(DUE.plusSeconds(60))).as("answered: the company is done, the check is not late")
			.isFalse();
		assertThat(r.loop().escalations()).isEqualTo(1);
	}

	@Test
	void everyActionFromEveryState() {
		for (RectificationState state : RectificationState.values()) {
			for (RectificationAction action : RectificationAction.values()) {
				Rectification r = in(state);
				Runnable step = switch (action) {
					case FOLLOW_LOOP -> () -> r.follow(new Rectification.Loop("RESOLVED", DUE, 0, 0), true, false, NOW);
					case PASS -> () -> r.pass(NOW);
					case SEND_BACK -> r::sendBack;
				};
				boolean allowed = switch (action) {
					case FOLLOW_LOOP -> state == RectificationState.ISSUED || state == RectificationState.ANSWERED;
					case PASS, SEND_BACK -> state == RectificationState.ANSWERED;
				};
				if (allowed) {
					step.run();
					RectificationState expected = switch (action) {
						case FOLLOW_LOOP -> RectificationState.ANSWERED;
						case PASS -> RectificationState.PASSED;
						case SEND_BACK -> RectificationState.ISSUED;
					};
					assertThat(r.state()).as(state + " " + action).isEqualTo(expected);
				}
				else {
					assertThatThrownBy(step::run).as(state + " " + action)
						.isInstanceOfSatisfying(DomainException.class,
								e -> assertThat(e.code()).isEqualTo("ILLEGAL_TRANSITION"));
				}
			}
		}
	}

	@Test
	void anInspectorOfItsScopeChecksWhatWasAnsweredNobodyTakesTheLoopsStep() {
		for (RectificationState state : RectificationState.values()) {
			for (Role role : Role.values()) {
				Actor actor = new Actor(UUID.randomUUID(), "x", "x", Set.of(role), new DataScope(UUID.randomUUID(), "/c/"));
				Set<RectificationAction> expected = role == Role.PROPERTY_INSPECTOR
						&& state == RectificationState.ANSWERED
								? EnumSet.of(RectificationAction.PASS, RectificationAction.SEND_BACK)
								: EnumSet.noneOf(RectificationAction.class);
				assertThat(RectificationPolicy.allowedActions(actor, in(state))).as(state + " " + role)
					.isEqualTo(expected);
			}
		}
		Actor elsewhere = new Actor(UUID.randomUUID(), "x", "x", Set.of(Role.PROPERTY_INSPECTOR),
				new DataScope(UUID.randomUUID(), "/c/x/"));
		assertThat(RectificationPolicy.refusal(elsewhere, in(RectificationState.ANSWERED), RectificationAction.PASS)
			.code()).isEqualTo("NOT_FOUND");
	}
}
