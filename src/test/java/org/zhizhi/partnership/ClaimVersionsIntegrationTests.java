package org.zhizhi.partnership;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhizhi.TestClock;
import org.zhizhi.TestPhotos;
import org.zhizhi.ZhizhiIntegrationTest;
import org.zhizhi.partnership.PartnershipCommands.Acceptance;
import org.zhizhi.partnership.PartnershipCommands.ClaimItem;
import org.zhizhi.partnership.PartnershipCommands.Completion;
import org.zhizhi.partnership.PartnershipCommands.NewItem;
import org.zhizhi.partnership.persistence.JdbcAgreements;
import org.zhizhi.partnership.persistence.JdbcClaims;
import org.zhizhi.partnership.persistence.JdbcListItems;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.Role;

/**
 * The versioned saves of pledges, list items and agreements on the real database: every step moves the version on, a
 * save against a version somebody moved on changes nothing (the command then refuses naming the state now), and an
 * item completes only when its table allows it and every pledge is accepted; a pledge's saved step publishes its events
 * (the notices hear them), a losing save none.
 */
@ZhizhiIntegrationTest
class ClaimVersionsIntegrationTests {

	@Autowired
	TestClock clock;

	@Autowired
	PartnershipManagement management;

	@Autowired
	Partners partners;

	@Autowired
	ListItems listItems;

	@Autowired
	Claims claims;

	@Autowired
	PartnershipQueries queries;

	@Autowired
	JdbcClaims claimRows;

	@Autowired
	JdbcListItems itemRows;

	@Autowired
	JdbcAgreements agreementRows;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPledgeSavedAgainstAVersionSomebodyMovedOnStaysAsTheWinnerLeftIt() {
		Actor staff = account("mudong");
		Actor school = account("mudong-school");
		ListItem need = need(staff, "版本 " + suffix(), "2");
		Claim claim = claims.claim(school, need.id(), new ClaimItem(null, new BigDecimal("2"), null)).claim();
		Pledge pledged = claimRows.pledge(staff.scope(), claim.id(), false).orElseThrow();

		management.withDocument(school, TestPhotos.jpeg(Color.GREEN), false,
				id -> claims.complete(school, claim.id(), new Completion("已完成", id, null, BigDecimal.ONE, 5)));
		Pledge delivered = claimRows.pledge(staff.scope(), claim.id(), false).orElseThrow();
		Pledge deliveredToo = claimRows.pledge(staff.scope(), claim.id(), false).orElseThrow();
		assertThat(delivered.version()).isEqualTo(pledged.version() + 1);

		// a delivery that read the pledge before the one above finds no row, and nothing changes
		pledged.deliver("又完成", null, BigDecimal.TEN, null, 99, school.userId(), clock.instant());
		assertThat(claimRows.save(pledged)).isFalse();
		assertThat(pledged.events()).as("a save that found no row publishes nothing").isNotEmpty();
		Claim now = claimRows.claim(staff.scope(), claim.id()).orElseThrow();
		assertThat(now.status()).isEqualTo(ClaimStatus.DELIVERED);
		assertThat(now.peopleServed()).isEqualTo(5);

		claims.accept(staff, claim.id(), new Acceptance("好"));
		delivered.accept("也好", staff.userId(), clock.instant());
		assertThat(claimRows.save(delivered)).isFalse();
		deliveredToo.sendBack("不行", staff.userId(), clock.instant());
		assertThat(claimRows.save(deliveredToo)).isFalse();
		Pledge accepted = claimRows.pledge(staff.scope(), claim.id(), false).orElseThrow();
		assertThat(accepted.version()).isEqualTo(delivered.version() + 1);
		assertThat(accepted.status()).isEqualTo(ClaimStatus.ACCEPTED);
		assertThat(accepted.hours()).as("the delivery as the winner reported it").isEqualByComparingTo(BigDecimal.ONE);
		assertThat(accepted.peopleServed()).isEqualTo(5);
	}

	@Test
	void aPledgesSavedStepsTellTheirNoticesAndALosingSaveTellsNothing() {
		Actor staff = account("mudong");
		Actor school = account("mudong-school");
		ListItem need = need(staff, "通知 " + suffix(), "1");
		Claim claim = claims.claim(school, need.id(), new ClaimItem(null, BigDecimal.ONE, null)).claim();
		Pledge stale = claimRows.pledge(staff.scope(), claim.id(), false).orElseThrow();

		management.withDocument(school, TestPhotos.jpeg(Color.GREEN), false,
				id -> claims.complete(school, claim.id(), new Completion("已完成", id, null, null, 3)));
		assertThat(notices(need, "PARTNERSHIP_DELIVERED", staff.userId())).as("the community learns of the delivery")
			.isEqualTo(1);
		stale.deliver("又完成", null, null, null, 9, school.userId(), clock.instant());
		assertThat(claimRows.save(stale)).isFalse();
		assertThat(notices(need, "PARTNERSHIP_DELIVERED", staff.userId())).as("a save that found no row tells nobody")
			.isEqualTo(1);

		assertThat(open(need, "PARTNERSHIP_DELIVERED", staff.userId())).as("to accept: open").isEqualTo(1);
		claims.sendBack(staff, claim.id(), new PartnershipCommands.SendBack("照片看不清"));
		assertThat(notices(need, "PARTNERSHIP_SENT_BACK", school.userId())).as("the unit learns it was sent back")
			.isEqualTo(1);
		assertThat(open(need, "PARTNERSHIP_DELIVERED", staff.userId())).as("decided: the community's notice is done")
			.isZero();
		assertThat(open(need, "PARTNERSHIP_SENT_BACK", school.userId())).as("to deliver again: open").isEqualTo(1);
		management.withDocument(school, TestPhotos.jpeg(Color.BLUE), false,
				id -> claims.complete(school, claim.id(), new Completion("重新完成", id, null, null, 3)));
		claims.accept(staff, claim.id(), new Acceptance("好"));
		assertThat(notices(need, "PARTNERSHIP_DELIVERED", staff.userId())).isEqualTo(2);
		assertThat(notices(need, "PARTNERSHIP_ACCEPTED", school.userId())).as("the unit learns it was accepted")
			.isEqualTo(1);
		assertThat(open(need, "PARTNERSHIP_SENT_BACK", school.userId())).as("delivered again: done").isZero();
		assertThat(open(need, "PARTNERSHIP_DELIVERED", staff.userId())).as("accepted: nothing left to do").isZero();
	}

	/** The recipient's messages of a kind about the item still waiting for him to act (issue 15, item 10). */
	private int open(ListItem item, String kind, UUID recipient) {
		return jdbc.sql("""
				select count(*) from notification.inbox_message
				 where recipient_id = :recipient and kind = :kind and link = :link and done_at is null""")
			.param("recipient", recipient)
			.param("kind", kind)
			.param("link", "/partnership/items/" + item.id())
			.query(Integer.class)
			.single();
	}

	private int notices(ListItem item, String kind, UUID recipient) {
		return jdbc.sql("""
				select count(*) from notification.inbox_message
				 where recipient_id = :recipient and kind = :kind and link = :link""")
			.param("recipient", recipient)
			.param("kind", kind)
			.param("link", "/partnership/items/" + item.id())
			.query(Integer.class)
			.single();
	}

	@Test
	void aWithdrawalThatReadTheItemBeforeAClaimFindsNoRow() {
		Actor staff = account("mudong");
		Actor school = account("mudong-school");
		ListItem need = need(staff, "撤回 " + suffix(), "4");
		Item read = itemRows.itemToStep(staff.scope(), need.id()).orElseThrow();
		claims.claim(school, need.id(), new ClaimItem(null, new BigDecimal("1"), null));

		read.withdraw(staff.userId(), clock.instant());
		assertThat(itemRows.save(read)).isFalse();
		ListItem now = itemRows.item(staff.scope(), need.id()).orElseThrow();
		assertThat(now.status()).isEqualTo(ItemStatus.OPEN);
		assertThat(now.claimed()).isEqualByComparingTo("1");

		ListItem other = need(staff, "撤回 " + suffix(), "4");
		Item untouched = itemRows.itemToStep(staff.scope(), other.id()).orElseThrow();
		int version = untouched.version();
		untouched.withdraw(staff.userId(), clock.instant());
		assertThat(itemRows.save(untouched)).isTrue();
		assertThat(itemRows.itemToStep(staff.scope(), other.id()).orElseThrow())
			.satisfies(v -> assertThat(v.status()).isEqualTo(ItemStatus.WITHDRAWN))
			.satisfies(v -> assertThat(v.version()).isEqualTo(version + 1));
	}

	@Test
	void anItemCompletesOnlyFullyClaimedWithEveryPledgeAccepted() {
		Actor staff = account("mudong");
		Actor school = account("mudong-school");
		ListItem need = need(staff, "完成 " + suffix(), "4");
		Claim part = claims.claim(school, need.id(), new ClaimItem(null, new BigDecimal("2"), null)).claim();
		deliverAndAccept(staff, school, part);
		// every pledge accepted, but the item is still OPEN: the table does not complete it
		assertThat(itemRows.completeIfDone(need.id(), clock.instant())).isFalse();
		assertThat(itemRows.item(staff.scope(), need.id()).orElseThrow().status()).isEqualTo(ItemStatus.OPEN);

		UUID bank = queries.partners(staff, need.communityId())
			.stream()
			.filter(p -> p.name().equals("木洞文旅公司"))
			.findFirst()
			.orElseThrow()
			.id();
		Claim rest = claims.claim(staff, need.id(), new ClaimItem(bank, new BigDecimal("2"), null)).claim();
		assertThat(itemRows.item(staff.scope(), need.id()).orElseThrow().status())
			.isEqualTo(ItemStatus.FULLY_CLAIMED);
		// fully claimed, one pledge not accepted yet
		assertThat(itemRows.completeIfDone(need.id(), clock.instant())).isFalse();
		deliverAndAccept(staff, staff, rest);
		assertThat(itemRows.item(staff.scope(), need.id()).orElseThrow().status()).isEqualTo(ItemStatus.COMPLETED);
		// and once completed the table allows it no more
		assertThat(itemRows.completeIfDone(need.id(), clock.instant())).isFalse();
	}

	@Test
	void aSignatureSavedAgainstAVersionSomebodyMovedOnChangesNothing() {
		Actor staff = account("mudong");
		UUID unit = partners.addPartner(staff, new PartnershipCommands.NewPartner(null, "版本单位 " + suffix(),
				PartnerType.ENTERPRISE, null, null, null, null, null, null))
			.id();
		Agreement draft = partners.addAgreement(staff, unit,
				new PartnershipCommands.NewAgreement(clock.today().getYear(), "共建"));
		PartnershipAgreement read = agreementRows.agreementToStep(staff.scope(), draft.id()).orElseThrow();
		management.withDocument(staff, TestPhotos.jpeg(Color.WHITE), true, id -> partners.signAgreement(staff,
				draft.id(), new PartnershipCommands.SignAgreement(id, clock.today())));

		read.sign(null, clock.today().minusDays(1), staff.userId(), clock.instant());
		assertThat(agreementRows.save(read)).isFalse();
		Agreement now = agreementRows.agreement(staff.scope(), draft.id()).orElseThrow();
		assertThat(now.status()).isEqualTo(Agreement.Status.SIGNED);
		assertThat(now.signedOn()).isEqualTo(clock.today());
		assertThat(now.documentId()).isNotNull();
	}

	private void deliverAndAccept(Actor staff, Actor deliverer, Claim claim) {
		management.withDocument(deliverer, TestPhotos.jpeg(Color.GREEN), false,
				id -> claims.complete(deliverer, claim.id(), new Completion("已完成", id, null, BigDecimal.ONE, 5)));
		claims.accept(staff, claim.id(), new Acceptance("好"));
	}

	private ListItem need(Actor staff, String title, String quantity) {
		LocalDate today = clock.today();
		return listItems.publish(staff, new NewItem(null, ItemKind.NEED, null, title, ItemCategory.OTHER, "",
				new BigDecimal(quantity), Measure.PEOPLE, today, today.plusMonths(1), null, null));
	}

	private static String suffix() {
		return UUID.randomUUID().toString().substring(0, 6);
	}

	/** The actor of a demo account, as the security layer builds it from the account's node. */
	private Actor account(String username) {
		Map<String, Object> row = jdbc.sql("""
				select a.id, a.display_name, u.id as node, u.path
				  from identity.account a join territory.org_unit u on u.id = a.org_unit_id
				 where a.username = :username""")
			.param("username", username)
			.query()
			.singleRow();
		Role role = username.equals("mudong") ? Role.COMMUNITY_STAFF : Role.PARTNER_LIAISON;
		return new Actor((UUID) row.get("id"), username, (String) row.get("display_name"), Set.of(role),
				new DataScope((UUID) row.get("node"), (String) row.get("path")));
	}
}
