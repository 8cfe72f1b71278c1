package org.zhizhi.wish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.Role;

/**
 * The wish aggregate without Spring: every step method from every state (the table decides, the fields change, one
 * past-tense event is registered), the wish's own rules (full, past its date, a reason, a note and a photo), the
 * expiry step, and what {@link WishPolicy} offers.
 */
class WishTests {

	private static final Instant NOW = Instant.parse("2026-05-01T02:00:00Z");

	private static final LocalDate TODAY = LocalDate.of(2026, 5, 1);

	private static final UUID BY = UUID.randomUUID();

	private static final UUID COMMUNITY = UUID.randomUUID();

	private static final String PATH = "/" + UUID.randomUUID() + "/" + UUID.randomUUID() + "/" + UUID.randomUUID()
			+ "/" + COMMUNITY + "/";

	private static final UUID PHOTO = UUID.randomUUID();

	private static final Taker FIRST = new Taker(UUID.randomUUID(), "陈党员", TakerKind.MEMBER, null,
			NOW.minusSeconds(3600));

	private static final Taker SECOND = new Taker(UUID.randomUUID(), "刘党员", TakerKind.MEMBER, null,
			NOW.minusSeconds(1));

	/** Each step method, called as the facade calls it. */
	private static final Map<WishAction, Consumer<Wish>> STEPS = new EnumMap<>(Map.of(
			WishAction.EDIT, w -> w.edit(new EditWish("新的心愿", null, null, null, null, null), BY, "社区", NOW),
			WishAction.APPROVE, w -> w.approve(BY, "社区", NOW),
			WishAction.REFUSE, w -> w.refuse("不属于微心愿", BY, "社区", NOW),
			WishAction.PUBLISH, w -> w.publish(BY, "社区", TODAY, NOW),
			WishAction.DISPATCH, w -> w.dispatch(DispatchKind.TEAM, null, "志愿服务队", BY, "社区", TODAY, NOW),
			WishAction.TAKE, w -> w.take(SECOND, BY, "刘党员", TODAY, NOW),
			WishAction.FULFIL, w -> w.fulfil("送到了", PHOTO, List.of(FIRST), BY, "陈党员", NOW),
			WishAction.CONFIRM, w -> w.confirm("谢谢", BY, "钱奶奶", NOW)));

	/** What each step registers: one event, and a fulfilment its timeline's and the other modules' news apart. */
	private static final Map<WishAction, List<Class<? extends WishEvent>>> EVENTS = new EnumMap<>(Map.of(
			WishAction.EDIT, List.of(WishEdited.class), WishAction.APPROVE, List.of(WishApproved.class),
			WishAction.REFUSE, List.of(WishRefused.class), WishAction.PUBLISH, List.of(WishPublished.class),
			WishAction.DISPATCH, List.of(WishDispatched.class), WishAction.TAKE, List.of(WishTaken.class),
			WishAction.FULFIL, List.of(WishFulfilmentReported.class, WishFulfilled.class), WishAction.CONFIRM,
			List.of(WishConfirmed.class)));

	@Test
	void everyStepFromEveryStateMovesTheWishAndRegistersItsEventOrIsRefusedNamingTheState() {
		for (var step : STEPS.entrySet()) {
			WishAction action = step.getKey();
			for (WishState state : WishState.values()) {
				Wish wish = wishIn(state, 2, state == WishState.TAKEN || state == WishState.FULFILLED
						|| state == WishState.CONFIRMED ? 1 : 0, TODAY);
				if (WishLifecycle.TABLE.allows(state, action)) {
					step.getValue().accept(wish);
					WishState expected = action == WishAction.EDIT ? state : WishLifecycle.TABLE.next(state, action);
					assertThat(wish.state()).as("%s from %s", action, state).isEqualTo(expected);
					assertThat(wish.events()).as("%s from %s", action, state)
						.extracting(e -> (Object) e.getClass())
						.containsExactlyElementsOf(EVENTS.get(action));
					assertThat(wish.updatedAt()).isEqualTo(NOW);
				}
				else {
					WishLifecycleTests.assertRefused(() -> step.getValue().accept(wish), state, action);
					assertThat(wish.state()).isEqualTo(state);
					assertThat(wish.events()).isEmpty();
				}
			}
		}
	}

	@Test
	void theHappyPathRunsFromPostedToConfirmedAndSaysWhatHappenedAtEachStep() {
		Wish wish = Wish.post(UUID.randomUUID(), place(), new PostWish("帮忙取药", "每周一次", WishCategory.CARE, "一位老人",
				"钱奶奶", null, "3栋", TODAY.plusDays(3), 1, COMMUNITY), 1, null, BY, "钱奶奶", false, NOW);
		assertThat(wish.state()).isEqualTo(WishState.POSTED);
		wish.approve(BY, "社区", NOW);
		wish.publish(BY, "社区", TODAY, NOW);
		wish.take(FIRST, FIRST.takerId(), "陈党员", TODAY, NOW);
		wish.fulfil(" 送到了 ", PHOTO, List.of(FIRST), FIRST.takerId(), "陈党员", NOW);
		wish.confirm("  ", BY, "钱奶奶", NOW);
		assertThat(wish.state()).isEqualTo(WishState.CONFIRMED);
		assertThat(wish.events()).extracting(e -> (Object) e.getClass())
			.containsExactly(WishPosted.class, WishApproved.class, WishPublished.class, WishTaken.class,
					WishFulfilmentReported.class, WishFulfilled.class, WishConfirmed.class);
		assertThat(wish.vettedBy()).isEqualTo(BY);
		assertThat(wish.publishedAt()).isEqualTo(NOW);
		assertThat(wish.takerCount()).isEqualTo(1);
		assertThat(wish.fulfilmentNote()).isEqualTo("送到了");
		assertThat(wish.fulfilmentPhotoId()).isEqualTo(PHOTO);
		assertThat(wish.confirmedBy()).isEqualTo(BY);
		assertThat(wish.thanks()).isNull();
		assertThat(wish.version()).isZero();
		wish.saved();
		wish.clearEvents();
		assertThat(wish.version()).isEqualTo(1);
		assertThat(wish.events()).isEmpty();
	}

	@Test
	void aRefusalNeedsAReasonAndEndsTheWish() {
		Wish wish = wishIn(WishState.POSTED, 1, 0, TODAY);
		assertThatThrownBy(() -> wish.refuse(" ", BY, "社区", NOW)).isInstanceOfSatisfying(DomainException.class, e -> {
			assertThat(e.code()).isEqualTo("VALIDATION_FAILED");
			assertThat(e.fieldProblems()).extracting(DomainException.FieldProblem::field).containsExactly("reason");
		});
		assertThat(wish.events()).isEmpty();
		wish.refuse(" 不属于微心愿 ", BY, "社区", NOW);
		assertThat(wish.state()).isEqualTo(WishState.REFUSED);
		assertThat(wish.refusalReason()).isEqualTo("不属于微心愿");
		assertThat(WishLifecycle.TABLE.actionsFrom(wish.state())).isEmpty();
	}

	@Test
	void aFullWishTakesNoMoreAndAWishForSeveralTakesUpToItsNumber() {
		Wish forThree = wishIn(WishState.TAKEN, 3, 2, TODAY);
		forThree.take(SECOND, BY, "刘党员", TODAY, NOW);
		assertThat(forThree.takerCount()).isEqualTo(3);
		assertThat(WishView.of(forThree).takeable()).isFalse();
		assertThatThrownBy(() -> forThree.take(FIRST, BY, "陈党员", TODAY, NOW)).extracting("code").isEqualTo("WISH_FULL");
		assertThatThrownBy(() -> wishIn(WishState.TAKEN, 1, 1, TODAY).take(FIRST, BY, "陈党员", TODAY, NOW))
			.extracting("code")
			.isEqualTo("WISH_FULL");
		Wish published = wishIn(WishState.PUBLISHED, 1, 0, TODAY);
		published.take(FIRST, BY, "陈党员", TODAY, NOW);
		assertThat(published.events()).singleElement()
			.isInstanceOfSatisfying(WishTaken.class, e -> {
				assertThat(e.taker()).isEqualTo(FIRST);
				assertThat(e.from()).isEqualTo(WishState.PUBLISHED);
			});
	}

	@Test
	void aWishPastItsDateIsTakenNoMore() {
		Wish wish = wishIn(WishState.PUBLISHED, 1, 0, TODAY.minusDays(1));
		assertThatThrownBy(() -> wish.take(FIRST, BY, "陈党员", TODAY, NOW)).isInstanceOfSatisfying(DomainException.class,
				e -> {
					assertThat(e.code()).isEqualTo("WISH_PAST_DUE");
					assertThat(e.category()).isEqualTo(DomainException.Category.CONFLICT);
				});
		assertThat(wish.takerCount()).isZero();
		wishIn(WishState.PUBLISHED, 1, 0, TODAY).take(FIRST, BY, "陈党员", TODAY, NOW);
	}

	@Test
	void fulfilmentNeedsANoteAndAPhoto() {
		assertThatThrownBy(() -> wishIn(WishState.TAKEN, 1, 1, TODAY).fulfil(null, PHOTO, List.of(FIRST), BY, "陈", NOW))
			.extracting("code")
			.isEqualTo("VALIDATION_FAILED");
		assertThatThrownBy(() -> wishIn(WishState.TAKEN, 1, 1, TODAY).fulfil("送到了", null, List.of(FIRST), BY, "陈", NOW))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.fieldProblems())
				.extracting(DomainException.FieldProblem::field)
				.containsExactly("photo"));
	}

	/**
	 * What WishFulfilmentTests proved with eleven mocks, on the aggregate: WishFulfilled is registered once and names
	 * every taker of the copy that is saved, in the order they took it — a list short of the takers the wish counts is
	 * a copy out of step and refused. A take that commits meanwhile changes the version, the save of the fulfilment
	 * finds no row, and the facade reads the wish and its takers again (the flow and race tests on the database).
	 */
	@Test
	void wishFulfilledNamesEveryTakerTheWishCountsInTheOrderTheyTookIt() {
		Wish wish = wishIn(WishState.TAKEN, 2, 2, TODAY);
		assertThatThrownBy(() -> wish.fulfil("送到了", PHOTO, List.of(FIRST), FIRST.takerId(), "陈党员", NOW))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(wish.state()).isEqualTo(WishState.TAKEN);
		assertThat(wish.events()).isEmpty();

		wish.fulfil(" 送到了 ", PHOTO, List.of(SECOND, FIRST), FIRST.takerId(), "陈党员", NOW);
		assertThat(wish.state()).isEqualTo(WishState.FULFILLED);
		assertThat(wish.fulfilmentNote()).isEqualTo("送到了");
		assertThat(wish.events()).hasSize(2);
		assertThat(wish.events().get(1)).isInstanceOfSatisfying(WishFulfilled.class, e -> {
			assertThat(e.takers()).as("in the order they took it").containsExactly(FIRST, SECOND);
			assertThat(e.wishId()).isEqualTo(wish.id());
			assertThat(e.districtId()).isEqualTo(wish.districtId());
			assertThat(e.communityId()).isEqualTo(COMMUNITY);
			assertThat(e.title()).isEqualTo(wish.title());
			assertThat(e.category()).isEqualTo(WishCategory.CARE);
			assertThat(e.fulfilledBy()).isEqualTo(FIRST.takerId());
			assertThat(e.fulfilledAt()).isEqualTo(NOW);
		});
		// the reporter's words stay in the module: the timeline's event, not the one other modules read
		assertThat(wish.events().get(0)).isInstanceOfSatisfying(WishFulfilmentReported.class, e -> {
			assertThat(e.wishId()).isEqualTo(wish.id());
			assertThat(e.by()).isEqualTo(FIRST.takerId());
			assertThat(e.byName()).isEqualTo("陈党员");
			assertThat(e.at()).isEqualTo(NOW);
			assertThat(e.note()).isEqualTo("送到了");
		});
		assertThat(WishFulfilled.class.getRecordComponents()).extracting(c -> c.getName())
			.doesNotContain("fulfilledByName", "note");
	}

	/** The refusals the commands throw, in the order they check them, are the policy's — and what the pages leave out. */
	@Test
	void thePolicyRefusesWithTheCodesTheCommandsAnswer() {
		Actor staff = actor(Role.COMMUNITY_STAFF);
		Actor member = actor(Role.PARTY_MEMBER);
		Actor resident = actor(Role.RESIDENT);
		Actor elsewhere = new Actor(UUID.randomUUID(), "other", "other", Set.of(Role.COMMUNITY_STAFF),
				new DataScope(UUID.randomUUID(), "/" + UUID.randomUUID() + "/"));
		Wish posted = wishIn(WishState.POSTED, 1, 0, TODAY);
		Wish published = wishIn(WishState.PUBLISHED, 2, 0, TODAY);
		Wish toTeam = wishIn(WishState.APPROVED, 1, 0, TODAY);
		toTeam.dispatch(DispatchKind.TEAM, null, "志愿服务队", BY, "社区", TODAY, NOW);
		assertThat(WishPolicy.refusalBeforeReading(member, WishAction.APPROVE).code()).isEqualTo("ROLE_NOT_ALLOWED");
		assertThat(WishPolicy.refusalBeforeReading(staff, WishAction.APPROVE)).isNull();
		assertThat(WishPolicy.refusalBeforeReading(member, WishAction.TAKE)).isNull();
		assertThat(WishPolicy.refusalBeforeReading(member, WishAction.POST).code()).isEqualTo("ROLE_NOT_ALLOWED");
		assertThat(WishPolicy.refusalBeforeReading(resident, WishAction.POST)).isNull();
		assertThat(WishPolicy.refusal(resident, posted, false, WishAction.APPROVE).code()).isEqualTo("ROLE_NOT_ALLOWED");
		assertThat(WishPolicy.refusal(elsewhere, posted, false, WishAction.APPROVE).code()).isEqualTo("NOT_FOUND");
		assertThat(WishPolicy.refusal(staff, posted, false, WishAction.APPROVE)).isNull();
		assertThat(WishPolicy.refusal(member, posted, false, WishAction.TAKE).code()).as("not on the wall yet")
			.isEqualTo("NOT_FOUND");
		assertThat(WishPolicy.refusal(staff, published, false, WishAction.TAKE).code()).isEqualTo("ROLE_NOT_ALLOWED");
		assertThat(WishPolicy.refusal(member, published, false, WishAction.TAKE)).isNull();
		assertThat(WishPolicy.refusal(member, toTeam, false, WishAction.TAKE).code()).isEqualTo("NOT_DISPATCHED_TO_YOU");
		assertThat(WishPolicy.refusal(staff, toTeam, false, WishAction.TAKE)).isNull();
		Wish toHim = wishIn(WishState.APPROVED, 1, 0, TODAY);
		toHim.dispatch(DispatchKind.MEMBER, member.userId(), "陈党员", BY, "社区", TODAY, NOW);
		assertThat(WishPolicy.refusal(member, toHim, false, WishAction.TAKE)).isNull();
		assertThat(WishPolicy.refusal(actor(Role.PARTY_MEMBER), toHim, false, WishAction.TAKE).code())
			.isEqualTo("NOT_FOUND");
		Wish taken = wishIn(WishState.TAKEN, 2, 1, TODAY);
		assertThat(WishPolicy.refusal(member, taken, false, WishAction.FULFIL).code()).isEqualTo("NOT_A_TAKER");
		assertThat(WishPolicy.refusal(member, taken, true, WishAction.FULFIL)).isNull();
		Wish fulfilled = wishIn(WishState.FULFILLED, 1, 1, TODAY);
		assertThat(WishPolicy.refusal(resident, fulfilled, false, WishAction.CONFIRM).code()).isEqualTo("NOT_FOUND");
		assertThat(WishPolicy.refusal(staff, fulfilled, false, WishAction.CONFIRM)).isNull();
		for (WishAction sweep : EnumSet.of(WishAction.RAISE, WishAction.OVERDUE)) {
			assertThat(WishPolicy.refusal(staff, published, false, sweep).code()).isEqualTo("ROLE_NOT_ALLOWED");
		}
		// what a page offers is never refused by the command
		for (Actor actor : List.of(staff, member, resident, elsewhere)) {
			for (Wish wish : List.of(posted, published, toTeam, toHim, taken, fulfilled)) {
				for (boolean taker : new boolean[] { false, true }) {
					for (WishAction action : WishPolicy.allowedActions(actor, wish, taker, TODAY)) {
						assertThat(WishLifecycle.TABLE.allows(wish.state(), action)).isTrue();
						assertThat(WishPolicy.refusal(actor, wish, taker, action)).as("%s %s", action, wish.state())
							.isNull();
					}
				}
			}
		}
	}

	@Test
	void theCommunityEditsWhatItNamesAndABlankLabelRemovesIt() {
		Wish wish = wishIn(WishState.APPROVED, 1, 0, TODAY);
		wish.edit(new EditWish(" 新的心愿 ", null, WishCategory.GOODS, " ", TODAY.plusDays(9), 3), BY, "社区", NOW);
		assertThat(wish.title()).isEqualTo("新的心愿");
		assertThat(wish.description()).isEqualTo("说明");
		assertThat(wish.publicLabel()).isNull();
		assertThat(wish.category()).isEqualTo(WishCategory.GOODS);
		assertThat(wish.dueOn()).isEqualTo(TODAY.plusDays(9));
		assertThat(wish.maxTakers()).isEqualTo(3);
		assertThat(wish.state()).isEqualTo(WishState.APPROVED);
		assertThat(wish.events()).singleElement()
			.isInstanceOfSatisfying(WishEdited.class, e -> assertThat(e.changed())
				.containsExactly("title", "public_label", "category", "due_on", "max_takers"));
	}

	@Test
	void aRaisedWishGoesOutAgainOnlyBeforeItsDate() {
		Wish late = wishIn(WishState.RAISED, 1, 0, TODAY.minusDays(1));
		for (Consumer<Wish> step : List.<Consumer<Wish>>of(w -> w.publish(BY, "社区", TODAY, NOW),
				w -> w.dispatch(DispatchKind.TEAM, null, "队", BY, "社区", TODAY, NOW))) {
			assertThatThrownBy(() -> step.accept(late)).isInstanceOfSatisfying(DomainException.class,
					e -> assertThat(e.fieldProblems()).extracting(DomainException.FieldProblem::messageKey)
						.containsExactly("wish.dueInPastRepublish"));
		}
		assertThat(late.state()).isEqualTo(WishState.RAISED);
		Wish edited = wishIn(WishState.RAISED, 1, 0, TODAY.minusDays(1));
		edited.edit(new EditWish(null, null, null, null, TODAY.plusDays(3), null), BY, "社区", NOW);
		edited.publish(BY, "社区", TODAY, NOW);
		assertThat(edited.state()).isEqualTo(WishState.PUBLISHED);
	}

	@Test
	void theSweepRaisesAnUnclaimedWishPastItsDateAndNothingElse() {
		for (WishState state : WishState.values()) {
			Wish wish = wishIn(state, 1, state == WishState.TAKEN ? 1 : 0, TODAY.minusDays(1));
			boolean raised = wish.raise(TODAY, NOW);
			assertThat(raised).as("from %s", state).isEqualTo(state.unclaimed());
			if (raised) {
				assertThat(wish.state()).isEqualTo(WishState.RAISED);
				assertThat(wish.raisedAt()).isEqualTo(NOW);
				assertThat(wish.events()).singleElement().isInstanceOfSatisfying(WishRaised.class,
						e -> assertThat(e.from()).isEqualTo(state));
			}
			else {
				assertThat(wish.state()).isEqualTo(state);
				assertThat(wish.events()).isEmpty();
			}
		}
		Wish dueToday = wishIn(WishState.PUBLISHED, 1, 0, TODAY);
		assertThat(dueToday.raise(TODAY, NOW)).isFalse();
		assertThat(dueToday.raise(TODAY.plusDays(1), NOW)).isTrue();
	}

	@Test
	void aWishShortOfTakersPastItsDateStaysWithItsTakersAndTheCommunityIsToldOnce() {
		Wish wish = wishIn(WishState.TAKEN, 3, 1, TODAY.minusDays(1));
		assertThat(wish.raise(TODAY, NOW)).isTrue();
		assertThat(wish.state()).isEqualTo(WishState.TAKEN);
		assertThat(wish.events()).singleElement().isInstanceOfSatisfying(WishShortOfTakers.class, e -> {
			assertThat(e.takerCount()).isEqualTo(1);
			assertThat(e.maxTakers()).isEqualTo(3);
		});
		assertThat(wish.raise(TODAY, NOW.plusSeconds(3600))).isFalse();
		assertThat(wishIn(WishState.TAKEN, 2, 2, TODAY.minusDays(1)).raise(TODAY, NOW)).isFalse();
	}

	@Test
	void thePolicyOffersTheCommunityItsVettingStepsAndAMemberHisTake() {
		Actor staff = actor(Role.COMMUNITY_STAFF);
		Actor member = actor(Role.PARTY_MEMBER);
		Actor resident = actor(Role.RESIDENT);
		assertThat(WishPolicy.allowedActions(staff, wishIn(WishState.POSTED, 1, 0, TODAY), false, TODAY))
			.containsExactlyInAnyOrder(WishAction.EDIT, WishAction.APPROVE, WishAction.REFUSE);
		assertThat(WishPolicy.allowedActions(staff, wishIn(WishState.RAISED, 1, 0, TODAY), false, TODAY))
			.containsExactlyInAnyOrder(WishAction.EDIT, WishAction.PUBLISH, WishAction.DISPATCH);
		assertThat(WishPolicy.allowedActions(member, wishIn(WishState.POSTED, 1, 0, TODAY), false, TODAY)).isEmpty();
		assertThat(WishPolicy.allowedActions(member, wishIn(WishState.PUBLISHED, 1, 0, TODAY), false, TODAY))
			.containsExactly(WishAction.TAKE);
		assertThat(WishPolicy.allowedActions(member, wishIn(WishState.PUBLISHED, 1, 0, TODAY.minusDays(1)), false,
				TODAY)).isEmpty();
		assertThat(WishPolicy.allowedActions(member, wishIn(WishState.TAKEN, 2, 1, TODAY), true, TODAY))
			.containsExactly(WishAction.FULFIL);
		assertThat(WishPolicy.allowedActions(member, wishIn(WishState.TAKEN, 2, 1, TODAY), false, TODAY))
			.containsExactly(WishAction.TAKE);
		assertThat(WishPolicy.allowedActions(resident, wishIn(WishState.FULFILLED, 1, 1, TODAY), false, TODAY))
			.as("not his wish")
			.isEmpty();
		Wish his = new Wish(UUID.randomUUID(), UUID.randomUUID(), COMMUNITY, PATH, COMMUNITY, "500113108003", "金银桥社区",
				WishState.FULFILLED, "帮忙取药", "说明", null, WishCategory.CARE, "钱奶奶", null, null, TODAY, null, 1, 1,
				resident.userId(), "钱奶奶", false, NOW, null, null, null, NOW, null, null, null, null, null, null, null,
				null, null, null, null, NOW, 0);
		assertThat(WishPolicy.allowedActions(resident, his, false, TODAY)).containsExactly(WishAction.CONFIRM);
		// a wish dispatched to a team by name: the community records its take, nobody else takes it
		Wish toTeam = wishIn(WishState.APPROVED, 1, 0, TODAY);
		toTeam.dispatch(DispatchKind.TEAM, null, "志愿服务队", BY, "社区", TODAY, NOW);
		assertThat(WishPolicy.recordsTake(staff, toTeam, TODAY)).isTrue();
		assertThat(WishPolicy.allowedActions(staff, toTeam, false, TODAY)).containsExactly(WishAction.TAKE);
		assertThat(WishPolicy.allowedActions(member, toTeam, false, TODAY)).isEmpty();
	}

	@Test
	void aDetailListsItsActionsInTheOrderOfTheEnumAndComputesItsFlagsFromThem() {
		WishView posted = WishView.of(wishIn(WishState.POSTED, 1, 0, TODAY));
		WishDetail vetting = new WishDetail(posted, List.of(), List.of(), false,
				Set.of(WishAction.REFUSE, WishAction.EDIT, WishAction.APPROVE));
		assertThat(vetting.actions()).containsExactly(WishAction.EDIT, WishAction.APPROVE, WishAction.REFUSE);
		assertThat(vetting.mayVet()).isTrue();
		assertThat(vetting.mayTake() || vetting.mayRecordTake() || vetting.mayFulfil() || vetting.mayConfirm()).isFalse();
		WishDetail nothing = new WishDetail(posted, List.of(), List.of(), false, Set.of());
		assertThat(nothing.actions()).isEmpty();
		assertThat(nothing.mayVet()).isFalse();
		assertThatThrownBy(() -> new WishDetail(posted, List.of(), List.of(), true, false, false, false, false, false,
				Set.of())).isInstanceOf(IllegalArgumentException.class);
		Wish toTeam = wishIn(WishState.APPROVED, 1, 0, TODAY);
		toTeam.dispatch(DispatchKind.TEAM, null, "志愿服务队", BY, "社区", TODAY, NOW);
		WishDetail recording = new WishDetail(WishView.of(toTeam), List.of(), List.of(), false, Set.of(WishAction.TAKE));
		assertThat(recording.mayRecordTake()).isTrue();
		assertThat(recording.mayTake()).isFalse();
		WishDetail taking = new WishDetail(WishView.of(wishIn(WishState.TAKEN, 2, 1, TODAY)), List.of(), List.of(),
				true, EnumSet.of(WishAction.TAKE, WishAction.FULFIL));
		assertThat(taking.mayTake()).isTrue();
		assertThat(taking.mayFulfil()).isTrue();
		assertThat(taking.mayRecordTake()).isFalse();
	}

	private static Actor actor(Role role) {
		return new Actor(UUID.randomUUID(), role.name().toLowerCase(), role.name(), Set.of(role),
				new DataScope(COMMUNITY, PATH));
	}

	private static Wish.Place place() {
		return new Wish.Place(UUID.randomUUID(), COMMUNITY, PATH, COMMUNITY, "500113108003", "金银桥社区");
	}

	/** A wish in a state, with the fields that state implies. */
	static Wish wishIn(WishState state, int maxTakers, int takerCount, LocalDate dueOn) {
		boolean sentOut = EnumSet.of(WishState.PUBLISHED, WishState.TAKEN, WishState.FULFILLED, WishState.CONFIRMED)
			.contains(state);
		return new Wish(UUID.randomUUID(), UUID.randomUUID(), COMMUNITY, PATH, COMMUNITY, "500113108003", "金银桥社区",
				state, "帮忙取药", "说明", "一位老人", WishCategory.CARE, "钱奶奶", null, null, dueOn, null, maxTakers,
				takerCount, UUID.randomUUID(), "钱奶奶", false, NOW.minusSeconds(86400), null, null, null,
				sentOut ? NOW.minusSeconds(7200) : null, null, null, null, null, null, null, null, null, null, null,
				null, NOW.minusSeconds(1), 0);
	}
}
