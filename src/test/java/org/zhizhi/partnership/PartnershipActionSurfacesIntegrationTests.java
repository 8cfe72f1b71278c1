package org.zhizhi.partnership;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhizhi.ApiClient;
import org.zhizhi.TestClock;
import org.zhizhi.TestPhotos;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;
import org.zhizhi.partnership.PartnershipCommands.Acceptance;
import org.zhizhi.partnership.PartnershipCommands.ClaimItem;
import org.zhizhi.partnership.PartnershipCommands.Completion;
import org.zhizhi.partnership.PartnershipCommands.NewItem;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.Role;

import tools.jackson.databind.JsonNode;

/**
 * The API and the desk offer the same steps on list items and pledges: for 金银桥社区's items in every state, as its
 * staff and as a unit's liaison, the item page's forms are exactly the API's {@code allowedActions} and, pledge by
 * pledge, its {@code claimActions} — one answer ({@link ItemPolicy}, {@link ClaimPolicy}), shown twice. The pledges
 * compared cover every state for both parts, so a form that a template decides from a status would show here.
 */
@ZhizhiIntegrationTest
class PartnershipActionSurfacesIntegrationTests {

	private static final Map<String, ItemAction> ITEM_FORMS = Map.of("claim", ItemAction.TAKE, "withdraw",
			ItemAction.WITHDRAW);

	private static final Map<String, ClaimAction> CLAIM_FORMS = Map.of("progress", ClaimAction.PROGRESS, "complete",
			ClaimAction.DELIVER, "accept", ClaimAction.ACCEPT, "send-back", ClaimAction.SEND_BACK);

	private static final Pattern ITEM_FORM = Pattern
		.compile("action=\"/partnership/items/([0-9a-f-]{36})/(claim|withdraw)\"");

	private static final Pattern CLAIM_FORM = Pattern
		.compile("action=\"/partnership/claims/([0-9a-f-]{36})/(progress|complete|accept|send-back)\"");

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	@Autowired
	PartnershipManagement management;

	@Autowired
	ListItems listItems;

	@Autowired
	Claims claims;

	@Autowired
	PartnershipQueries queries;

	@Autowired
	JdbcClient jdbc;

	private ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	@Test
	void theItemPageOffersExactlyWhatTheApiAllowsOnTheItemAndEachPledge() {
		UUID jinyinqiao = api.orgUnitId("金银桥社区");
		List<String> ids = new ArrayList<>(itemsWithPledgesInEveryState());
		for (ItemStatus status : ItemStatus.values()) {
			api.get("/api/v1/partnership/items?communityId=" + jinyinqiao + "&status=" + status,
					api.tokenOf("mudong"))
				.list()
				.stream()
				.limit(4)
				.forEach(i -> ids.add(i.path("id").asString()));
		}
		assertThat(ids).as("the demo has items in most states").hasSizeGreaterThan(8);
		int compared = 0;
		for (String user : List.of("mudong", "mudong-school")) {
			String token = api.tokenOf(user);
			WebSession session = new WebSession(port).loggedInAs(user, ApiClient.DEMO_PASSWORD);
			Set<ClaimStatus> pledgeStates = EnumSet.noneOf(ClaimStatus.class);
			Set<ClaimAction> pledgeActions = EnumSet.noneOf(ClaimAction.class);
			for (String id : ids) {
				ApiClient.Response answer = api.get("/api/v1/partnership/items/" + id, token);
				HttpResponse<String> page = session.get("/partnership/items/" + id);
				assertThat(page.statusCode()).as("%s, item %s", user, id).isEqualTo(answer.status());
				if (answer.status() != 200) {
					continue;
				}
				JsonNode detail = answer.json();
				assertThat(itemForms(page.body(), id)).as("%s, item %s (%s)", user, id,
						detail.path("item").path("status").asString())
					.isEqualTo(names(detail.path("allowedActions"), ITEM_FORMS));
				Map<String, Set<String>> pledgeForms = claimForms(page.body());
				for (JsonNode claim : detail.path("claims")) {
					String claimId = claim.path("id").asString();
					JsonNode allowed = detail.path("claimActions").path(claimId);
					assertThat(allowed.isArray()).as("claimActions of %s", claimId).isTrue();
					assertThat(pledgeForms.getOrDefault(claimId, Set.of()))
						.as("%s, pledge %s (%s)", user, claimId, claim.path("status").asString())
						.isEqualTo(names(allowed, CLAIM_FORMS));
					pledgeStates.add(ClaimStatus.valueOf(claim.path("status").asString()));
					allowed.forEach(a -> pledgeActions.add(ClaimAction.valueOf(a.asString())));
					compared++;
				}
				// no form for a pledge the item does not hold
				assertThat(detail.path("claims").findValuesAsString("id")).containsAll(pledgeForms.keySet());
			}
			assertThat(pledgeStates).as("%s saw pledges in every state", user)
				.isEqualTo(EnumSet.allOf(ClaimStatus.class));
			assertThat(pledgeActions).as("%s was offered a step on some pledge", user).isNotEmpty();
		}
		assertThat(compared).as("pledges compared with the API").isGreaterThan(6);
	}

	/**
	 * Items of 金银桥社区 whose pledges are in every state whatever other tests did to the demo's: one with the school's
	 * pledge PLEDGED and 木洞文旅公司's DELIVERED, one completed with the school's pledge ACCEPTED, and one fully claimed
	 * by 木洞文旅公司, PLEDGED — which the school's liaison sees but may not deliver.
	 */
	private List<String> itemsWithPledgesInEveryState() {
		Actor staff = account("mudong", Role.COMMUNITY_STAFF);
		Actor school = account("mudong-school", Role.PARTNER_LIAISON);
		ListItem open = need(staff, "4");
		claims.claim(school, open.id(), new ClaimItem(null, new BigDecimal("2"), null));
		UUID bank = queries.partners(staff, open.communityId())
			.stream()
			.filter(p -> p.name().equals("木洞文旅公司"))
			.findFirst()
			.orElseThrow()
			.id();
		Claim delivered = claims.claim(staff, open.id(), new ClaimItem(bank, new BigDecimal("2"), null)).claim();
		management.withDocument(staff, TestPhotos.jpeg(Color.BLUE), false,
				id -> claims.complete(staff, delivered.id(), new Completion("已完成", id, null, null, 10)));
		ListItem done = need(staff, "2");
		Claim accepted = claims.claim(school, done.id(), new ClaimItem(null, new BigDecimal("2"), null)).claim();
		management.withDocument(school, TestPhotos.jpeg(Color.GREEN), false,
				id -> claims.complete(school, accepted.id(), new Completion("已完成", id, null, null, 8)));
		claims.accept(staff, accepted.id(), new Acceptance("好"));
		ListItem others = need(staff, "2");
		claims.claim(staff, others.id(), new ClaimItem(bank, new BigDecimal("2"), null));
		return List.of(open.id().toString(), done.id().toString(), others.id().toString());
	}

	private ListItem need(Actor staff, String quantity) {
		LocalDate today = clock.today();
		return listItems.publish(staff, new NewItem(null, ItemKind.NEED, null,
				"按钮一致 " + UUID.randomUUID().toString().substring(0, 6), ItemCategory.OTHER, "",
				new BigDecimal(quantity), Measure.PEOPLE, today, today.plusMonths(1), null, null));
	}

	/** The actor of a demo account, as the security layer builds it from the account's node. */
	private Actor account(String username, Role role) {
		Map<String, Object> row = jdbc.sql("""
				select a.id, a.display_name, u.id as node, u.path
				  from identity.account a join territory.org_unit u on u.id = a.org_unit_id
				 where a.username = :username""")
			.param("username", username)
			.query()
			.singleRow();
		return new Actor((UUID) row.get("id"), username, (String) row.get("display_name"), Set.of(role),
				new DataScope((UUID) row.get("node"), (String) row.get("path")));
	}

	private static Set<String> itemForms(String html, String itemId) {
		Set<String> found = new TreeSet<>();
		Matcher m = ITEM_FORM.matcher(html);
		while (m.find()) {
			assertThat(m.group(1)).isEqualTo(itemId);
			found.add(m.group(2));
		}
		return found;
	}

	private static Map<String, Set<String>> claimForms(String html) {
		Map<String, Set<String>> found = new java.util.HashMap<>();
		Matcher m = CLAIM_FORM.matcher(html);
		while (m.find()) {
			found.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2));
		}
		return found;
	}

	/** The forms of a surface that take the allowed actions. */
	private static <A extends Enum<A>> Set<String> names(JsonNode allowed, Map<String, A> forms) {
		Set<String> actions = new TreeSet<>();
		allowed.forEach(a -> actions.add(a.asString()));
		Set<String> expected = new TreeSet<>();
		forms.forEach((form, action) -> {
			if (actions.contains(action.name())) {
				expected.add(form);
			}
		});
		return expected;
	}
}
