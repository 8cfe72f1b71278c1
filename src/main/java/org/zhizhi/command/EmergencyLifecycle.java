package org.zhizhi.command;

import java.util.EnumSet;
import java.util.Set;

import org.zhizhi.shared.Actor;
import org.zhizhi.shared.Lifecycle;
import org.zhizhi.shared.Role;

/**
 * The two tables of an emergency whistle. The whistle: CALLING —STAND_DOWN→ STOOD_DOWN, by the leaders who may blow
 * it. A person's answer: CALLED —COMING→ COMING, CALLED or COMING —CANNOT→ CANNOT (and back —COMING→ when he can after
 * all), CALLED or COMING —ARRIVE→ ARRIVED (he may check in on site without having answered first: he was nearby). The
 * answer's roles are everyone's: only the person called answers, which the policy decides.
 */
public final class EmergencyLifecycle {

	/** Who blows an emergency whistle and stands it down: the leaders and desks of the area's street and district. */
	public static final Set<Role> LEADERS = EnumSet.of(Role.DISTRICT_ADMIN, Role.STREET_STAFF, Role.COMMUNITY_STAFF);

	public static final Lifecycle<EmergencyState, EmergencyAction> WHISTLE = Lifecycle
		.of(EmergencyState.class, EmergencyAction.class, "command.emergencyIllegalTransition")
		.step(EmergencyAction.STAND_DOWN, EnumSet.of(EmergencyState.CALLING), EmergencyState.STOOD_DOWN, LEADERS)
		.build();

	public static final Lifecycle<AnswerState, AnswerAction> ANSWER = Lifecycle
		.of(AnswerState.class, AnswerAction.class, "command.answerIllegalTransition")
		.step(AnswerAction.COMING, EnumSet.of(AnswerState.CALLED, AnswerState.CANNOT), AnswerState.COMING,
				EnumSet.allOf(Role.class))
		.step(AnswerAction.CANNOT, EnumSet.of(AnswerState.CALLED, AnswerState.COMING), AnswerState.CANNOT,
				EnumSet.allOf(Role.class))
		.step(AnswerAction.ARRIVE, EnumSet.of(AnswerState.CALLED, AnswerState.COMING), AnswerState.ARRIVED,
				EnumSet.allOf(Role.class))
		.build();

	/** Who an emergency whistle may call: the roles of its forces. */
	public static final Set<Role> CALLED = EnumSet.of(Role.GRID_WORKER, Role.PARTY_MEMBER, Role.PARTNER_LIAISON);

	private EmergencyLifecycle() {
	}

	/** Whether the actor blows emergency whistles: the menu's rule; the facade decides each step. */
	public static boolean leads(Actor actor) {
		return actor.hasAny(LEADERS);
	}

	/** Whether an emergency whistle may call the actor: the phone menu's rule. */
	public static boolean mayBeCalled(Actor actor) {
		return actor.hasAny(CALLED);
	}
}
