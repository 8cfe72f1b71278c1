package org.zhizhi.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhizhi.incident.IncidentPart.PartState;
import org.zhizhi.incident.IncidentPolicy.Standing;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.Role;

/**
 * Who may take which step, without Spring: every role in every state against the lifecycle table, and the relations
 * the table cannot know (handler, assignee, co-unit, reporter, tier).
 */
class IncidentPolicyTests {

	private static final UUID CITY = UUID.randomUUID();

	private static final UUID DISTRICT = UUID.randomUUID();

	private static final UUID STREET = UUID.randomUUID();

	private static final UUID COMMUNITY = UUID.randomUUID();

	private static final UUID GRID = UUID.randomUUID();

	private static final String GRID_PATH = "/" + CITY + "/" + DISTRICT + "/" + STREET + "/" + COMMUNITY + "/" + GRID
			+ "/";

	private static final Standing NOBODY = new Standing(false, false, null, false);

	@Test
	void nothingIsEverOfferedThatTheTableRefusesFromTheState() {
		for (Role role : Role.values()) {
			for (IncidentState state : IncidentState.values()) {
				for (Standing standing : standings()) {
					Set<IncidentAction> allowed = IncidentPolicy.allowedActions(actor(role, GRID_PATH),
							incident(state, Tier.GRID, null), standing);
					assertThat(IncidentLifecycle.TABLE.actionsFrom(state)).as("%s in %s", role, state)
						.containsAll(allowed);
				}
			}
		}
	}

	@Test
	void withoutARelationEachRoleIsOfferedExactlyTheTablesStepsForItsRole() {
		// a whistled incident at its grid, not yet taken: what a role alone may do there
		IncidentView whistled = incident(IncidentState.WHISTLED, Tier.GRID, null);
		assertThat(IncidentPolicy.allowedActions(actor(Role.PARTY_MEMBER, GRID_PATH), whistled, NOBODY))
			.containsExactly(IncidentAction.CLAIM);
		assertThat(IncidentPolicy.allowedActions(actor(Role.GRID_WORKER, GRID_PATH), whistled, NOBODY))
			.containsExactlyInAnyOrder(IncidentAction.ASSIGN, IncidentAction.ESCALATE, IncidentAction.NOTE);
		assertThat(IncidentPolicy.allowedActions(actor(Role.COMMUNITY_STAFF, GRID_PATH), whistled, NOBODY))
			.containsExactlyInAnyOrder(IncidentAction.ASSIGN, IncidentAction.ESCALATE, IncidentAction.NOTE,
					IncidentAction.URGE);
		assertThat(IncidentPolicy.allowedActions(actor(Role.RESIDENT, GRID_PATH), whistled, NOBODY)).isEmpty();
		assertThat(IncidentPolicy.allowedActions(actor(Role.PARTNER_LIAISON, GRID_PATH), whistled, NOBODY)).isEmpty();
	}

	@Test
	void aUnitsLiaisonWhoHandledTheIncidentMayNotVerifyIt() {
		// the desk once checked only the claimer: a unit's liaison who is also grid staff was offered his own work
		Actor liaisonAndWorker = new Actor(UUID.randomUUID(), "x", "x",
				Set.of(Role.GRID_WORKER, Role.PARTNER_LIAISON), new DataScope(GRID, GRID_PATH));
		IncidentView resolved = incident(IncidentState.RESOLVED, Tier.GRID, null);
		Standing handler = new Standing(true, false, null, false);
		assertThat(IncidentPolicy.allowedActions(liaisonAndWorker, resolved, handler))
			.doesNotContain(IncidentAction.VERIFY, IncidentAction.REWORK);
		assertThatThrownBy(() -> IncidentPolicy.require(liaisonAndWorker, resolved, handler, IncidentAction.VERIFY))
			.isInstanceOf(DomainException.class)
			.extracting(e -> ((DomainException) e).code())
			.isEqualTo("OWN_WORK");
		assertThat(IncidentPolicy.allowedActions(liaisonAndWorker, resolved, NOBODY)).contains(IncidentAction.VERIFY,
				IncidentAction.REWORK);
	}

	@Test
	void onceRaisedTheGridNoLongerDispatchesButTheCommunityDoes() {
		IncidentView raised = incident(IncidentState.WHISTLED, Tier.COMMUNITY, null);
		Actor gridWorker = actor(Role.GRID_WORKER, GRID_PATH);
		assertThat(IncidentPolicy.allowedActions(gridWorker, raised, NOBODY)).containsExactly(IncidentAction.NOTE);
		assertThatThrownBy(() -> IncidentPolicy.require(gridWorker, raised, NOBODY, IncidentAction.ASSIGN))
			.extracting(e -> ((DomainException) e).code())
			.isEqualTo("BELOW_TIER");
		Actor community = actor(Role.COMMUNITY_STAFF, Tier.COMMUNITY.pathAbove(GRID_PATH));
		assertThat(IncidentPolicy.allowedActions(community, raised, NOBODY)).contains(IncidentAction.ASSIGN,
				IncidentAction.ESCALATE);
	}

	@Test
	void theAssigneeAnswersOrHandsBackAndTheHandlerWorksOnSite() {
		Actor member = actor(Role.PARTY_MEMBER, GRID_PATH);
		// an assigned order is answered or handed back before anything else is done with it
		assertThat(IncidentPolicy.allowedActions(member, incident(IncidentState.ASSIGNED, Tier.GRID, member.userId()),
				new Standing(true, true, null, false)))
			.containsExactlyInAnyOrder(IncidentAction.ANSWER, IncidentAction.HAND_BACK);
		IncidentView claimed = incident(IncidentState.CLAIMED, Tier.GRID, member.userId());
		Standing handler = new Standing(true, false, null, false);
		assertThat(IncidentPolicy.allowedActions(member, claimed, handler)).containsExactlyInAnyOrder(
				IncidentAction.HAND_BACK, IncidentAction.CHECK_IN, IncidentAction.NOTE, IncidentAction.EXTENSION_REQUEST);
		// one extension request at a time
		assertThat(IncidentPolicy.allowedActions(member, claimed, new Standing(true, false, null, true)))
			.doesNotContain(IncidentAction.EXTENSION_REQUEST);
		// another member may do nothing with it
		assertThat(IncidentPolicy.allowedActions(actor(Role.PARTY_MEMBER, GRID_PATH), claimed, NOBODY)).isEmpty();
		assertThatThrownBy(() -> IncidentPolicy.require(actor(Role.PARTY_MEMBER, GRID_PATH), claimed, NOBODY,
				IncidentAction.CHECK_IN))
			.extracting(e -> ((DomainException) e).code())
			.isEqualTo("NOT_THE_HANDLER");
	}

	@Test
	void aCoUnitWorksOnlyOnItsOwnPartAsFarAsItHasGot() {
		Actor liaison = actor(Role.PARTNER_LIAISON, GRID_PATH);
		IncidentView tough = incident(IncidentState.CLAIMED, Tier.GRID, UUID.randomUUID());
		IncidentPart assigned = part(PartState.ASSIGNED);
		assertThat(IncidentPolicy.allowedActions(liaison, tough, new Standing(false, false, assigned, false)))
			.containsExactlyInAnyOrder(IncidentAction.PART_ANSWER, IncidentAction.PART_DONE,
					IncidentAction.PART_HAND_BACK);
		assertThat(IncidentPolicy.allowedActions(liaison, tough,
				new Standing(false, false, part(PartState.ACCEPTED), false)))
			.containsExactlyInAnyOrder(IncidentAction.PART_DONE, IncidentAction.PART_HAND_BACK);
		assertThat(IncidentPolicy.allowedActions(liaison, tough, new Standing(false, false, part(PartState.DONE),
				false))).isEmpty();
		assertThatThrownBy(() -> IncidentPolicy.require(liaison, tough, NOBODY, IncidentAction.PART_DONE))
			.extracting(e -> ((DomainException) e).code())
			.isEqualTo("NOT_A_PART");
	}

	@Test
	void theReporterRatesHisOwnClosedIncidentAndStaffRecordACallBack() {
		Actor resident = actor(Role.RESIDENT, GRID_PATH);
		IncidentView closed = new IncidentBuilder(IncidentState.CLOSED).reporter(resident.userId()).build();
		assertThat(IncidentPolicy.allowedActions(resident, closed, NOBODY)).containsExactly(IncidentAction.RATE);
		assertThat(IncidentPolicy.allowedActions(actor(Role.RESIDENT, GRID_PATH), closed, NOBODY)).isEmpty();
		assertThat(IncidentPolicy.allowedActions(actor(Role.COMMUNITY_STAFF, GRID_PATH), closed, NOBODY))
			.containsExactly(IncidentAction.RATE);
	}

	@Test
	void everythingOfferedIsAllowedByThePolicyAndFromTheState() {
		for (Role role : Role.values()) {
			for (IncidentState state : IncidentState.values()) {
				for (Standing standing : standings()) {
					Actor actor = actor(role, GRID_PATH);
					IncidentView incident = incident(state, Tier.GRID, null);
					for (IncidentAction action : IncidentPolicy.allowedActions(actor, incident, standing)) {
						IncidentPolicy.require(actor, incident, standing, action);
						IncidentLifecycle.TABLE.require(state, action);
					}
				}
			}
		}
	}

	@Test
	void theLifecycleStepsAcceptExactlyTheStatesTheTableAllows() {
		for (IncidentState state : IncidentState.values()) {
			for (IncidentAction action : IncidentLifecycle.TABLE.actions()) {
				boolean accepted;
				try {
					IncidentLifecycle.Transition t = step(state, action);
					accepted = true;
					assertThat(IncidentLifecycle.TABLE.step(action).leadsTo(state, t.to())).as("%s from %s", action,
							state).isTrue();
				}
				catch (DomainException e) {
					assertThat(e.code()).as("%s from %s", action, state).isEqualTo("ILLEGAL_TRANSITION");
					accepted = false;
				}
				// CLOSE has two ways in: a private matter at triage (triage() answers it) and a verified incident
				boolean expected = action == IncidentAction.CLOSE ? state == IncidentState.VERIFIED
						: IncidentLifecycle.TABLE.allows(state, action);
				assertThat(accepted).as("%s from %s", action, state).isEqualTo(expected);
			}
		}
	}

	/** The lifecycle's own method for an action, called with valid input. */
	private static IncidentLifecycle.Transition step(IncidentState state, IncidentAction action) {
		return switch (action) {
			case ACCEPT -> IncidentLifecycle.accept(state);
			case REJECT -> IncidentLifecycle.reject(state, RejectReason.values()[0]);
			case TRIAGE -> IncidentLifecycle.triage(state, Triage.PUBLIC, null);
			case CLOSE -> IncidentLifecycle.close(state);
			case WHISTLE -> IncidentLifecycle.whistle(state, WhistleType.QUICK);
			case CLAIM -> IncidentLifecycle.claim(state);
			case ASSIGN -> IncidentLifecycle.assign(state);
			case ANSWER -> IncidentLifecycle.answer(state);
			case HAND_BACK -> IncidentLifecycle.handBack(state, "不归我们管");
			case CHECK_IN -> IncidentLifecycle.checkIn(state);
			case RESOLVE -> IncidentLifecycle.resolve(state, "已修好");
			case VERIFY -> IncidentLifecycle.verify(state);
			case REWORK -> IncidentLifecycle.rework(state, "没修好");
			case RATE -> IncidentLifecycle.rate(state, Rating.SATISFIED, null);
			case REOPEN -> IncidentLifecycle.reopen(state, true, true, "再看看");
			case KEEP_CLOSED -> IncidentLifecycle.keepClosed(state, true, "已解释");
			case ESCALATE -> IncidentLifecycle.escalate(state, Tier.GRID);
			case URGE -> IncidentLifecycle.urge(state, UrgeCard.YELLOW);
			case NOTE -> IncidentLifecycle.note(state, "进展");
			case EXTENSION_REQUEST -> IncidentLifecycle.requestExtension(state, 24, "材料未到");
			case EXTENSION_APPROVE -> IncidentLifecycle.decideExtension(state, true);
			case EXTENSION_REFUSE -> IncidentLifecycle.decideExtension(state, false);
			case PART_ANSWER, PART_DONE, PART_HAND_BACK -> IncidentLifecycle.part(state, action);
			case REPORT, PHOTO, JOIN -> throw new IllegalArgumentException("no step: " + action);
		};
	}

	private static Set<Standing> standings() {
		return Set.of(NOBODY, new Standing(true, false, null, false), new Standing(true, true, null, true),
				new Standing(false, false, part(PartState.ASSIGNED), false));
	}

	private static IncidentPart part(PartState state) {
		return new IncidentPart(UUID.randomUUID(), UUID.randomUUID(), "协办单位", false, "任务", state, null,
				Instant.EPOCH);
	}

	private static Actor actor(Role role, String path) {
		UUID node = UUID.fromString(path.substring(path.lastIndexOf('/', path.length() - 2) + 1, path.length() - 1));
		return new Actor(UUID.randomUUID(), role.name().toLowerCase(), role.name(), EnumSet.of(role),
				new DataScope(node, path));
	}

	private static IncidentView incident(IncidentState state, Tier tier, UUID claimedBy) {
		return new IncidentBuilder(state).tier(tier).claimedBy(claimedBy).build();
	}

	/** An incident in a state, with the few fields the policy reads. */
	private static final class IncidentBuilder {

		private final IncidentState state;

		private Tier tier = Tier.GRID;

		private UUID claimedBy;

		private UUID reporter = UUID.randomUUID();

		IncidentBuilder(IncidentState state) {
			this.state = state;
		}

		IncidentBuilder tier(Tier value) {
			this.tier = value;
			return this;
		}

		IncidentBuilder claimedBy(UUID value) {
			this.claimedBy = value;
			return this;
		}

		IncidentBuilder reporter(UUID value) {
			this.reporter = value;
			return this;
		}

		IncidentView build() {
			return new IncidentView(UUID.randomUUID(), Channel.PATROL, "MANHOLE_COVER", "井盖破损", 29.4, 106.5, GRID, null,
					GRID_PATH, DISTRICT, state, null, null, null, claimedBy, reporter, Instant.EPOCH, Instant.EPOCH,
					null, false, null, null, false, tier, OwnerKind.ORG_UNIT, GRID, null, null, null, null, 0, 0, 0, 0,
					null, null, null, false, null, null);
		}
	}
}
