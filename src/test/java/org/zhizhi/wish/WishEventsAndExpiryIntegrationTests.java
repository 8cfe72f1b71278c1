package org.zhizhi.wish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.zhizhi.ApiClient;
import org.zhizhi.TestClock;
import org.zhizhi.ZhizhiIntegrationTest;
import org.zhizhi.partnership.PartnershipQueries;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.PlatformZone;
import org.zhizhi.shared.Role;
import org.zhizhi.territory.OrgUnitQueries;
import org.zhizhi.wish.persistence.JdbcWishes;

import tools.jackson.databind.JsonNode;

/**
 * The commands called directly (so that the events they publish are recorded on this thread): WishFulfilled once per
 * fulfilled wish, and the expiry sweep at a fixed instant raising exactly the unclaimed wishes past their date.
 */
@ZhizhiIntegrationTest
@RecordApplicationEvents
class WishEventsAndExpiryIntegrationTests {

	@Autowired
	TestClock clock;

	@LocalServerPort
	int port;

	@Autowired
	WishManagement management;

	@Autowired
	WishExpiry expiry;

	@Autowired
	DataSource dataSource;

	@Autowired
	ApplicationEvents events;

	@Autowired
	OrgUnitQueries orgUnits;

	@Autowired
	WishQueries queries;

	@Autowired
	PartnershipQueries partnership;

	@Autowired
	JdbcWishes wishes;

	private Actor actor(String username) {
		ApiClient api = new ApiClient(port);
		return actorOf(username, api.tokenOf(username));
	}

	private Actor actor(String username, String password) {
		ApiClient api = new ApiClient(port);
		return actorOf(username, api.login(username, password));
	}

	private Actor actorOf(String username, String token) {
		ApiClient api = new ApiClient(port);
		JsonNode me = api.get("/api/v1/me", token).json();
		DataScope scope = orgUnits.bindingOf(UUID.fromString(me.path("scope").path("id").asString())).orElseThrow().scope();
		Set<Role> roles = new java.util.HashSet<>();
		me.path("roles").forEach(r -> roles.add(Role.valueOf(r.asString())));
		return new Actor(UUID.fromString(me.path("id").asString()), username, me.path("displayName").asString(), roles,
				scope);
	}

	private Wish published(Actor resident, Actor staff, String title, LocalDate due) {
		return published(resident, staff, title, due, 1);
	}

	private Wish published(Actor resident, Actor staff, String title, LocalDate due, int maxTakers) {
		Wish wish = management.post(resident, new PostWish(title, "说明文字", WishCategory.CARE, "一位老人", "钱奶奶", null,
				null, due, maxTakers, null), null);
		management.approve(staff, wish.id());
		return management.publish(staff, wish.id());
	}

	@Test
	void aFulfilledWishPublishesWishFulfilledExactlyOnceWithWhoDidWhatAndWhen() {
		Actor resident = actor("jumin01");
		Actor staff = actor("dongcheng");
		Actor member = actor("dangyuan04");
		Wish wish = published(resident, staff, "帮忙取药" + UUID.randomUUID().toString().substring(0, 6),
				clock.today().plusDays(3));
		management.take(member, wish.id());
		assertThat(events.stream(WishFulfilled.class).filter(e -> e.wishId().equals(wish.id()))).isEmpty();

		management.fulfil(member, wish.id(), new FulfilWish("药已取回送到"), WishFixtures.jpeg());
		assertThatThrownBy(() -> management.fulfil(member, wish.id(), new FulfilWish("再报一次"), WishFixtures.jpeg()))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.args()).contains("FULFILLED"));
		management.confirm(resident, wish.id(), new ConfirmWish("谢谢"));

		var published = events.stream(WishFulfilled.class).filter(e -> e.wishId().equals(wish.id())).toList();
		assertThat(published).hasSize(1);
		WishFulfilled event = published.get(0);
		assertThat(event.title()).isEqualTo(wish.title());
		assertThat(event.fulfilledBy()).isEqualTo(member.userId());
		assertThat(event.takers()).singleElement().satisfies(t -> {
			assertThat(t.accountId()).isEqualTo(member.userId());
			assertThat(t.kind()).isEqualTo(TakerKind.MEMBER);
		});
		assertThat(event.communityId()).isEqualTo(wish.communityId());
		assertThat(event.fulfilledAt()).isNotNull();
	}

	/**
	 * The save is versioned: a copy read before another step was saved changes nothing. A fulfilment overtaken by a
	 * take on a wish for two reads the wish and its takers again, so WishFulfilled names both — what
	 * WishFulfilmentTests once showed with eleven mocks, here on the database.
	 */
	@Test
	void aStaleCopySavesNothingAndAFulfilmentOvertakenByATakeNamesEveryTaker() {
		Actor resident = actor("jumin01");
		Actor staff = actor("dongcheng");
		Actor first = actor("dangyuan04");
		Actor second = actor("dangyuan01");
		Wish wish = published(resident, staff, "帮忙搬花盆" + UUID.randomUUID().toString().substring(0, 6),
				clock.today().plusDays(3), 2);
		management.take(first, wish.id());
		Wish stale = wishes.find(staff.scope(), wish.id()).orElseThrow();
		List<Taker> takersThen = wishes.takers(wish.id());
		management.take(second, wish.id());

		stale.fulfil("送到了", UUID.randomUUID(), takersThen, first.userId(), first.displayName(), clock.instant());
		assertThat(wishes.save(stale)).isFalse();
		Wish now = wishes.find(staff.scope(), wish.id()).orElseThrow();
		assertThat(now.state()).isEqualTo(WishState.TAKEN);
		assertThat(now.takerCount()).isEqualTo(2);
		assertThat(now.fulfilmentNote()).isNull();
		assertThat(now.version()).isEqualTo(stale.version() + 1);

		management.fulfil(first, wish.id(), new FulfilWish("花盆搬好了"), WishFixtures.jpeg());
		assertThat(events.stream(WishFulfilled.class).filter(e -> e.wishId().equals(wish.id())))
			.singleElement()
			.satisfies(e -> assertThat(e.takers()).extracting(Taker::accountId)
				.containsExactly(first.userId(), second.userId()));
		// a second vetting step on what has moved on is refused naming the state it is in now
		assertThatThrownBy(() -> management.publish(staff, wish.id())).isInstanceOfSatisfying(DomainException.class,
				e -> {
					assertThat(e.code()).isEqualTo("ILLEGAL_TRANSITION");
					assertThat(e.args()).containsExactly("FULFILLED", "PUBLISH");
				});
	}

	/**
	 * A liaison bound to a partner unit takes for his unit: the taker is the unit by its name (the public wall names it
	 * in full, never the liaison), WishFulfilled names the unit, and any liaison of the unit finishes what it took — but
	 * the unit takes a wish once.
	 */
	@Test
	void aLiaisonTakesForHisUnitWhichTheWallAndWishFulfilledName() {
		Actor staff = actor("mudong");
		Actor liaison = actor("mudong-school");
		UUID unitId = partnership.ownUnit(liaison).orElseThrow();
		String unitName = partnership.partner(liaison, unitId).name();
		assertThat(unitName).isEqualTo("木洞小学");
		// another liaison of the same unit
		ApiClient api = new ApiClient(port);
		Map<String, Object> account = ApiClient.newAccount(ApiClient.uniqueUsername("ms"), "PARTNER_LIAISON",
				api.orgUnitId("金银桥社区"), null);
		account.put("displayName", "王建国");
		String otherId = api.createAccount(api.tokenOf("mudong"), account).path("id").asString();
		ApiClient.Response bound = api.post("/api/v1/partners/" + unitId + "/liaisons", api.tokenOf("mudong"),
				Map.of("accountId", otherId));
		assertThat(bound.status()).as(bound.brief()).isEqualTo(204);
		Actor other = actor((String) account.get("username"), ApiClient.TEST_PASSWORD);
		LocalDate due = clock.today().plusDays(3);

		Wish wish = published(staff, staff, "帮忙修门锁" + UUID.randomUUID().toString().substring(0, 6), due, 2);
		management.take(liaison, wish.id());
		assertThat(queries.detail(liaison, wish.id()).takers()).singleElement().satisfies(t -> {
			assertThat(t.takerId()).isEqualTo(unitId);
			assertThat(t.name()).isEqualTo(unitName);
			assertThat(t.kind()).isEqualTo(TakerKind.UNIT);
			assertThat(t.accountId()).isEqualTo(liaison.userId());
		});
		// his unit has it: another liaison of it cannot take it again, though a place is left
		assertThatThrownBy(() -> management.take(other, wish.id()))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("ALREADY_TAKEN"));
		WishDetail forOther = queries.detail(other, wish.id());
		assertThat(forOther.mayTake()).isFalse();
		assertThat(forOther.mayFulfil()).isTrue();
		assertThat(queries.takenByMe(other)).extracting(WishView::id).contains(wish.id());

		management.fulfil(liaison, wish.id(), new FulfilWish("门锁已修好"), WishFixtures.jpeg());
		WishFulfilled event = events.stream(WishFulfilled.class)
			.filter(e -> e.wishId().equals(wish.id()))
			.findFirst()
			.orElseThrow();
		assertThat(event.fulfilledBy()).isEqualTo(liaison.userId());
		assertThat(event.takers()).singleElement().satisfies(t -> {
			assertThat(t.takerId()).isEqualTo(unitId);
			assertThat(t.name()).isEqualTo(unitName);
			assertThat(t.kind()).isEqualTo(TakerKind.UNIT);
		});
		PublicWish onWall = queries.publicWall(wish.communityCode())
			.orElseThrow()
			.fulfilled()
			.stream()
			.filter(w -> w.id().equals(wish.id()))
			.findFirst()
			.orElseThrow();
		assertThat(onWall.takerNames()).containsExactly(unitName);
		String html = WishFixtures.anonymous(port, "/public/communities/" + wish.communityCode() + "/wishes").body();
		assertThat(html).contains(wish.title(), unitName).doesNotContain("木洞小学联络员", "王建国", "木*");

		// what one liaison took for the unit, another of it fulfils
		Wish second = published(staff, staff, "帮忙搬书柜" + UUID.randomUUID().toString().substring(0, 6), due, 1);
		management.take(liaison, second.id());
		Wish done = management.fulfil(other, second.id(), new FulfilWish("书柜已搬好"), WishFixtures.jpeg());
		assertThat(done.state()).isEqualTo(WishState.FULFILLED);
		assertThat(queries.photo(other, second.id(), done.fulfilmentPhotoId(), true)).isPresent();
		assertThat(events.stream(WishFulfilled.class).filter(e -> e.wishId().equals(second.id())))
			.singleElement()
			.satisfies(e -> assertThat(e.takers()).extracting(Taker::takerId).containsExactly(unitId));
	}

	@Test
	void theExpirySweepRaisesUnclaimedWishesPastTheirDateToTheCommunityAndNothingElse() {
		Actor resident = actor("jumin01");
		Actor staff = actor("dongcheng");
		Actor member = actor("dangyuan01");
		LocalDate today = clock.today();
		Wish dueToday = published(resident, staff, "到期未认领" + UUID.randomUUID().toString().substring(0, 6), today);
		Wish taken = published(resident, staff, "到期已认领" + UUID.randomUUID().toString().substring(0, 6), today);
		management.take(member, taken.id());
		Wish later = published(resident, staff, "还没到期" + UUID.randomUUID().toString().substring(0, 6),
				today.plusDays(5));

		// on its own day a wish is not late yet
		Instant lateEvening = today.atTime(23, 59).atZone(PlatformZone.DEFAULT).toInstant();
		expiry.run(lateEvening);
		assertThat(state(dueToday.id())).isEqualTo("PUBLISHED");

		Instant nextMorning = today.plusDays(1).atTime(0, 30).atZone(PlatformZone.DEFAULT).toInstant();
		assertThat(expiry.run(nextMorning)).isGreaterThanOrEqualTo(1);
		assertThat(state(dueToday.id())).isEqualTo("RAISED");
		assertThat(state(taken.id())).isEqualTo("TAKEN");
		assertThat(state(later.id())).isEqualTo("PUBLISHED");
		assertThat(JdbcClient.create(dataSource)
			.sql("SELECT count(*) FROM notification.inbox_message WHERE kind = 'WISH_RAISED' AND recipient_id = ? AND title LIKE ?")
			.params(staff.userId(), "%" + dueToday.title() + "%")
			.query(Long.class)
			.single()).isEqualTo(1);
		// a second pass changes nothing, and a raised wish can be taken no more until the community acts
		expiry.run(nextMorning);
		assertThat(JdbcClient.create(dataSource)
			.sql("SELECT count(*) FROM wish.timeline WHERE wish_id = ? AND action = 'RAISE'")
			.param(dueToday.id())
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThatThrownBy(() -> management.take(member, dueToday.id()))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.args()).contains("RAISED"));
		// the community gives it a new date and publishes it again
		management.edit(staff, dueToday.id(), new EditWish(null, null, null, null, today.plusDays(7), null));
		assertThat(management.publish(staff, dueToday.id()).state()).isEqualTo(WishState.PUBLISHED);
	}

	@Test
	void aWishPastItsDateLeavesTheWallAndATakeIsRefusedWithAConflictSayingSo() {
		Actor resident = actor("jumin01");
		Actor staff = actor("dongcheng");
		LocalDate today = clock.today();
		Wish wish = published(resident, staff, "过期未扫" + UUID.randomUUID().toString().substring(0, 6), today, 2);
		ApiClient api = new ApiClient(port);
		String member = api.tokenOf("dangyuan01");
		assertThat(api.get("/api/v1/wishes/wall", member).list()).extracting(w -> w.path("id").asString())
			.contains(wish.id().toString());

		// its date passed and the hourly sweep has not come yet
		JdbcClient.create(dataSource)
			.sql("UPDATE wish.wish SET due_on = ? WHERE id = ?")
			.params(today.minusDays(1), wish.id())
			.update();
		assertThat(api.get("/api/v1/wishes/wall", member).list()).extracting(w -> w.path("id").asString())
			.doesNotContain(wish.id().toString());
		ApiClient.Response refused = api.post("/api/v1/wishes/" + wish.id() + "/take", member, null);
		assertThat(refused.problemCode(409)).isEqualTo("WISH_PAST_DUE");
		assertThat(refused.json().path("detail").asString()).contains("已过", today.minusDays(1).toString());
		assertThat(state(wish.id())).isEqualTo("PUBLISHED");
		assertThat(JdbcClient.create(dataSource)
			.sql("SELECT count(*) FROM wish.taker WHERE wish_id = ?")
			.param(wish.id())
			.query(Long.class)
			.single()).isZero();
		assertThat(api.get("/api/v1/wishes/" + wish.id(), member).json().path("mayTake").asBoolean()).isFalse();
	}

	@Test
	void theExpirySweepTellsTheCommunityOnceOfAWishShortOfTakersAndLeavesItToItsTakers() {
		Actor resident = actor("jumin01");
		Actor staff = actor("dongcheng");
		Actor member = actor("dangyuan03");
		LocalDate today = clock.today();
		Wish partly = published(resident, staff, "到期缺人" + UUID.randomUUID().toString().substring(0, 6), today, 3);
		management.take(member, partly.id());

		Instant nextMorning = today.plusDays(1).atTime(0, 30).atZone(PlatformZone.DEFAULT).toInstant();
		assertThat(expiry.run(nextMorning)).isGreaterThanOrEqualTo(1);
		expiry.run(nextMorning.plusSeconds(3600));
		assertThat(state(partly.id())).isEqualTo("TAKEN");
		assertThat(JdbcClient.create(dataSource)
			.sql("SELECT count(*) FROM wish.timeline WHERE wish_id = ? AND action = 'OVERDUE'")
			.param(partly.id())
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(JdbcClient.create(dataSource)
			.sql("SELECT count(*) FROM notification.inbox_message WHERE kind = 'WISH_SHORT_OF_TAKERS' AND recipient_id = ? AND title LIKE ?")
			.params(staff.userId(), "%" + partly.title() + "%")
			.query(Long.class)
			.single()).isEqualTo(1);
		// the one who took it still fulfils it
		assertThat(management.fulfil(member, partly.id(), new FulfilWish("已完成我这一份"), WishFixtures.jpeg()).state())
			.isEqualTo(WishState.FULFILLED);
	}

	private String state(UUID id) {
		return JdbcClient.create(dataSource)
			.sql("SELECT state FROM wish.wish WHERE id = ?")
			.param(id)
			.query(String.class)
			.single();
	}
}
