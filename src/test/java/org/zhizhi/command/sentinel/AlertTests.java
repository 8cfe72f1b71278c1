package org.zhizhi.command.sentinel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhizhi.command.AlertAction;
import org.zhizhi.command.AlertEvent;
import org.zhizhi.command.AlertOutcome;
import org.zhizhi.command.AlertState;
import org.zhizhi.command.EvidenceKind;
import org.zhizhi.command.RuleKind;
import org.zhizhi.command.SubjectKind;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.Role;

/**
 * The alert's rules without Spring: every action from every state of {@link AlertLifecycle#TABLE}, the aggregate's
 * steps and their events, and {@link AlertPolicy} for each role and relation.
 */
class AlertTests {

	private static final Instant AT = Instant.parse("2026-06-10T02:00:00Z");

	private static final String DISTRICT = "/00000000-0000-0000-0000-000000000001/00000000-0000-0000-0000-000000000002/";

	private static final String STREET = DISTRICT + "00000000-0000-0000-0000-000000000003/";

	private static final String GRID = STREET + "00000000-0000-0000-0000-000000000004/00000000-0000-0000-0000-000000000005/";

	/** Where each action leads from each state it is allowed from; every other pair is refused. */
	private static final Map<AlertAction, Map<AlertState, AlertState>> EXPECTED = Map.of(
			AlertAction.ACKNOWLEDGE, Map.of(AlertState.NEW, AlertState.ACKNOWLEDGED),
			AlertAction.ASSIGN, Map.of(AlertState.NEW, AlertState.NEW, AlertState.ACKNOWLEDGED,
					AlertState.ACKNOWLEDGED),
			AlertAction.HANDLE, Map.of(AlertState.ACKNOWLEDGED, AlertState.HANDLED),
			AlertAction.CLOSE, Map.of(AlertState.HANDLED, AlertState.CLOSED),
			AlertAction.DISMISS, Map.of(AlertState.NEW, AlertState.CLOSED, AlertState.ACKNOWLEDGED, AlertState.CLOSED));

	@Test
	void everyActionFromEveryStateLeadsWhereTheTableSaysOrIsRefusedNamingTheState() {
		assertThat(AlertLifecycle.TABLE.actions()).containsExactlyInAnyOrder(AlertAction.values());
		for (AlertAction action : AlertAction.values()) {
			for (AlertState state : AlertState.values()) {
				Alert alert = in(state, null);
				AlertState expected = EXPECTED.get(action).get(state);
				if (expected == null) {
					assertThatThrownBy(() -> take(alert, action)).as(action + " from " + state)
						.isInstanceOfSatisfying(DomainException.class, e -> {
							assertThat(e.code()).isEqualTo("ILLEGAL_TRANSITION");
							assertThat(e.args()).containsExactly(state.name(), action.name());
						});
					assertThat(alert.state()).isEqualTo(state);
				}
				else {
					take(alert, action);
					assertThat(alert.state()).as(action + " from " + state).isEqualTo(expected);
				}
			}
		}
	}

	@Test
	void theStepsKeepWhatTheyChangeAndRegisterTheirPastTenseEvents() {
		UUID worker = UUID.randomUUID();
		UUID staff = UUID.randomUUID();
		Alert alert = in(AlertState.NEW, null);
		alert.announceRaised();
		alert.acknowledge(worker, "李网格", AT);
		assertThat(alert.ownerId()).as("the first to take it up owns it").isEqualTo(worker);
		alert.assign(staff, "王社区", AT.plusSeconds(60));
		assertThat(alert.ownerName()).isEqualTo("王社区");
		alert.handle(staff, "已约谈物业公司，限期整改", AT.plusSeconds(3600));
		assertThat(alert.handledNote()).isEqualTo("已约谈物业公司，限期整改");
		alert.close(AT.plusSeconds(7200));
		assertThat(alert.outcome()).isEqualTo(AlertOutcome.HANDLED);
		assertThat(alert.events()).hasExactlyElementsOfTypes(AlertEvent.AlertRaised.class,
				AlertEvent.AlertAcknowledged.class, AlertEvent.AlertAssigned.class, AlertEvent.AlertHandled.class,
				AlertEvent.AlertClosed.class);

		Alert dismissed = in(AlertState.NEW, null);
		dismissed.dismiss(AT);
		assertThat(dismissed.outcome()).isEqualTo(AlertOutcome.NO_ACTION);
		assertThat(dismissed.closedAt()).isEqualTo(AT);
	}

	@Test
	void aRaisedAlertIsDueWhenItsRuleSays() {
		Rule rule = rule(RuleKind.ESTATE_COMPLAINTS);
		Alert alert = Alert.raise(UUID.randomUUID(), rule, fact(GRID), AT);
		assertThat(alert.raised().dueAt()).isEqualTo(AT.plusSeconds(72 * 3600L));
		assertThat(alert.state()).isEqualTo(AlertState.NEW);
		assertThat(alert.events()).as("raised only once its insert wins").isEmpty();
	}

	@Test
	void thePolicyOffersEachRoleAndRelationItsOwnSteps() {
		Actor district = actor(Role.DISTRICT_ADMIN, DISTRICT);
		Actor community = actor(Role.COMMUNITY_STAFF, STREET);
		Actor worker = actor(Role.GRID_WORKER, GRID);
		Actor otherWorker = actor(Role.GRID_WORKER, GRID);
		Actor elsewhere = actor(Role.STREET_STAFF, DISTRICT + "00000000-0000-0000-0000-000000000009/");
		Actor resident = actor(Role.RESIDENT, GRID);

		assertThat(AlertPolicy.allowedActions(district, in(AlertState.NEW, null)))
			.containsExactlyInAnyOrder(AlertAction.ACKNOWLEDGE, AlertAction.ASSIGN, AlertAction.DISMISS);
		assertThat(AlertPolicy.allowedActions(worker, in(AlertState.NEW, null))).containsExactly(AlertAction.ACKNOWLEDGE);
		// the rule names the grid worker's role: any of them handles it while it is given to nobody
		assertThat(AlertPolicy.allowedActions(worker, in(AlertState.ACKNOWLEDGED, null)))
			.containsExactly(AlertAction.HANDLE);
		// given to one of them, the others may not
		Alert given = in(AlertState.ACKNOWLEDGED, worker.userId());
		assertThat(AlertPolicy.allowedActions(worker, given)).containsExactly(AlertAction.HANDLE);
		assertThat(AlertPolicy.refusal(otherWorker, given, AlertAction.HANDLE).code()).isEqualTo("NOT_THE_OWNER");
		assertThat(AlertPolicy.allowedActions(community, given)).containsExactlyInAnyOrder(AlertAction.ASSIGN,
				AlertAction.HANDLE, AlertAction.DISMISS);
		assertThat(AlertPolicy.allowedActions(community, in(AlertState.HANDLED, null)))
			.containsExactly(AlertAction.CLOSE);
		assertThat(AlertPolicy.refusal(worker, in(AlertState.HANDLED, null), AlertAction.CLOSE).code())
			.isEqualTo("ROLE_NOT_ALLOWED");
		// out of scope, or not a desk: as if it did not exist
		assertThat(AlertPolicy.refusal(elsewhere, in(AlertState.NEW, null), AlertAction.ACKNOWLEDGE).code())
			.isEqualTo("NOT_FOUND");
		assertThat(AlertPolicy.refusal(resident, in(AlertState.NEW, null), AlertAction.ACKNOWLEDGE).code())
			.isEqualTo("NOT_FOUND");
		assertThat(AlertPolicy.allowedActions(district, in(AlertState.CLOSED, null))).isEmpty();
	}

	private static void take(Alert alert, AlertAction action) {
		UUID someone = UUID.randomUUID();
		switch (action) {
			case ACKNOWLEDGE -> alert.acknowledge(someone, "张三", AT);
			case ASSIGN -> alert.assign(someone, "李四", AT);
			case HANDLE -> alert.handle(someone, "已处置", AT);
			case CLOSE -> alert.close(AT);
			case DISMISS -> alert.dismiss(AT);
		}
	}

	static Rule rule(RuleKind kind) {
		return new Rule(UUID.randomUUID(), UUID.randomUUID(), kind, kind.defaultThreshold(), kind.defaultWindowDays(),
				Role.GRID_WORKER, kind.defaultHandleWithinHours(), true, AT, Rule.SYSTEM, 0);
	}

	private static Fact fact(String path) {
		return new Fact(SubjectKind.ESTATE, UUID.randomUUID(), "钱佳花园", path, null, null, 4, EvidenceKind.DISPUTE,
				List.of(UUID.randomUUID()), null);
	}

	private static Alert in(AlertState state, UUID owner) {
		Alert raised = Alert.raise(UUID.randomUUID(), rule(RuleKind.ESTATE_COMPLAINTS), fact(GRID), AT);
		return new Alert(raised.id(), raised.raised(), state, owner, owner == null ? null : "某人", null, null, null,
				null, null, 0);
	}

	private static Actor actor(Role role, String path) {
		String[] ids = path.substring(1).split("/");
		return new Actor(UUID.randomUUID(), "u" + role, role.name(), Set.of(role),
				new DataScope(UUID.fromString(ids[ids.length - 1]), path));
	}
}
