package org.zhizhi.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhizhi.media.Documents;
import org.zhizhi.TestClock;
import org.zhizhi.TestPhotos;
import org.zhizhi.ZhizhiIntegrationTest;
import org.zhizhi.partnership.PartnershipCommands.Acceptance;
import org.zhizhi.partnership.PartnershipCommands.ClaimItem;
import org.zhizhi.partnership.PartnershipCommands.Completion;
import org.zhizhi.partnership.PartnershipCommands.NewItem;
import org.zhizhi.partnership.PartnershipCommands.ProgressNote;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.Role;

/**
 * What a refusal leaves behind and what it says: a refused delivery keeps no uploaded file, the loser of a race is told
 * the state the pledge is in now, a withdrawn item is "not open" rather than "over-claimed", and a liaison does not see
 * what another unit reported delivered before the community accepted it.
 */
@ZhizhiIntegrationTest
class DeliveryRefusalsIntegrationTests {

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
	Documents documents;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aRefusedCompletionKeepsNoFileAndTheSecondAcceptanceNamesTheStateNow() {
		Actor staff = account("mudong");
		Actor school = account("mudong-school");
		ListItem need = need(staff, "退回与并发 " + UUID.randomUUID().toString().substring(0, 6));
		Claim claim = claims.claim(school, need.id(), new ClaimItem(null, new BigDecimal("2"), null)).claim();

		// a completion without its note is refused: the photo uploaded with it is gone too
		AtomicReference<UUID> uploaded = new AtomicReference<>();
		assertThatThrownBy(() -> management.withDocument(school, TestPhotos.jpeg(Color.ORANGE), false, id -> {
			uploaded.set(id);
			return claims.complete(school, claim.id(), new Completion(" ", id, null, null, null));
		})).isInstanceOf(DomainException.class);
		assertThat(uploaded.get()).isNotNull();
		assertThat(documents.get(uploaded.get())).isEmpty();

		management.withDocument(school, TestPhotos.jpeg(Color.GREEN), false,
				id -> claims.complete(school, claim.id(), new Completion("已完成", id, null, BigDecimal.ONE, 5)));
		claims.accept(staff, claim.id(), new Acceptance("好"));
		// a second acceptance (another tab, another colleague) is told the pledge is accepted, not delivered
		assertThatThrownBy(() -> claims.accept(staff, claim.id(), new Acceptance(null)))
			.isInstanceOfSatisfying(DomainException.class, e -> {
				assertThat(e.code()).isEqualTo("ILLEGAL_TRANSITION");
				assertThat(e.args()).containsExactly(ClaimStatus.ACCEPTED.name(), ClaimAction.ACCEPT.name());
			});
		// and a progress note on an accepted pledge is refused the same way
		assertThatThrownBy(() -> claims.addProgress(school, claim.id(), new ProgressNote("再记一条", null)))
			.isInstanceOfSatisfying(DomainException.class, e -> {
				assertThat(e.code()).isEqualTo("ILLEGAL_TRANSITION");
				assertThat(e.args()).containsExactly(ClaimStatus.ACCEPTED.name(), ClaimAction.PROGRESS.name());
			});
	}

	@Test
	void aLiaisonSeesOtherUnitsPledgesButNotWhatTheyReportedDelivered() {
		Actor staff = account("mudong");
		Actor school = account("mudong-school");
		ListItem need = need(staff, "两家认领 " + UUID.randomUUID().toString().substring(0, 6));
		UUID bank = queries.partners(staff, need.communityId())
			.stream()
			.filter(p -> p.name().equals("木洞文旅公司"))
			.findFirst()
			.orElseThrow()
			.id();
		Claim other = claims.claim(staff, need.id(), new ClaimItem(bank, new BigDecimal("2"), null)).claim();
		management.withDocument(staff, TestPhotos.jpeg(Color.BLUE), false, id -> claims.complete(staff, other.id(),
				new Completion("文旅公司已完成", id, new BigDecimal("800"), new BigDecimal("6"), 30)));

		Claim seen = queries.item(school, need.id())
			.claims()
			.stream()
			.filter(c -> c.id().equals(other.id()))
			.findFirst()
			.orElseThrow();
		assertThat(seen.status()).isEqualTo(ClaimStatus.DELIVERED);
		assertThat(seen.amount()).isEqualByComparingTo("2");
		assertThat(seen.valueYuan()).isNull();
		assertThat(seen.hours()).isNull();
		assertThat(seen.peopleServed()).isNull();
		// the community sees them
		assertThat(queries.item(staff, need.id())
			.claims()
			.stream()
			.filter(c -> c.id().equals(other.id()))
			.findFirst()
			.orElseThrow()
			.valueYuan()).isEqualByComparingTo("800");
	}

	@Test
	void anAgreementCannotBeSignedInTheFuture() {
		Actor staff = account("mudong");
		UUID unit = partners.addPartner(staff, new PartnershipCommands.NewPartner(null,
				"签署日期单位 " + UUID.randomUUID().toString().substring(0, 6), PartnerType.ENTERPRISE, null, null, null,
				null, null, null))
			.id();
		int year = clock.today().getYear();
		Agreement draft = partners.addAgreement(staff, unit, new PartnershipCommands.NewAgreement(year, "共建"));
		assertThatThrownBy(() -> management.withDocument(staff, TestPhotos.jpeg(Color.WHITE), true,
				id -> partners.signAgreement(staff, draft.id(), new PartnershipCommands.SignAgreement(id,
						clock.today().plusDays(3)))))
			.isInstanceOfSatisfying(DomainException.class,
					e -> assertThat(e.fieldProblems()).extracting(p -> p.field()).containsExactly("signedOn"));
	}

	private ListItem need(Actor staff, String title) {
		LocalDate today = clock.today();
		return listItems.publish(staff, new NewItem(null, ItemKind.NEED, null, title, ItemCategory.OTHER, "",
				new BigDecimal("4"), Measure.PEOPLE, today, today.plusMonths(1), null, null));
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
