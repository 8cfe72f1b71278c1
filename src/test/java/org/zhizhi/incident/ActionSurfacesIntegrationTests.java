package org.zhizhi.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * The API, the desk and the phone offer the same steps: for the demo's incidents in every state and every demo role
 * that works on them, the desk's forms and the phone's forms are exactly the API's {@code allowedActions} that each
 * surface has a form for — one answer ({@code IncidentPolicy}), shown three times.
 */
@ZhizhiIntegrationTest
class ActionSurfacesIntegrationTests {

	/** The desk's forms, by the id of the form (action-…), and the step each takes. */
	private static final Map<String, IncidentAction> DESK = Map.ofEntries(Map.entry("accept", IncidentAction.ACCEPT),
			Map.entry("reject", IncidentAction.REJECT), Map.entry("triage", IncidentAction.TRIAGE),
			Map.entry("whistle", IncidentAction.WHISTLE), Map.entry("assign", IncidentAction.ASSIGN),
			Map.entry("extension", IncidentAction.EXTENSION_APPROVE), Map.entry("verify", IncidentAction.VERIFY),
			Map.entry("rework", IncidentAction.REWORK), Map.entry("urge", IncidentAction.URGE),
			Map.entry("escalate", IncidentAction.ESCALATE), Map.entry("note", IncidentAction.NOTE),
			Map.entry("rate", IncidentAction.RATE), Map.entry("reopen", IncidentAction.REOPEN));

	/** The phone's forms, by the path they post to, and the step each takes. */
	private static final Map<String, IncidentAction> PHONE = Map.ofEntries(Map.entry("claim", IncidentAction.CLAIM),
			Map.entry("answer", IncidentAction.ANSWER), Map.entry("hand-back", IncidentAction.HAND_BACK),
			Map.entry("part/answer", IncidentAction.PART_ANSWER), Map.entry("part/done", IncidentAction.PART_DONE),
			Map.entry("check-in", IncidentAction.CHECK_IN), Map.entry("resolve", IncidentAction.RESOLVE),
			Map.entry("note", IncidentAction.NOTE), Map.entry("extension", IncidentAction.EXTENSION_REQUEST));

	private static final Pattern DESK_FORM = Pattern.compile("<form[^>]* id=\"action-([a-z-]+)\"");

	private static final Pattern PHONE_FORM = Pattern.compile("action=\"/m/tasks/[0-9a-f-]{36}/([a-z/-]+)\"");

	@LocalServerPort
	int port;

	private ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	@Test
	void theDeskAndThePhoneOfferExactlyWhatTheApiAllows() {
		List<String> ids = new java.util.ArrayList<>();
		for (IncidentState state : IncidentState.values()) {
			api.get("/api/v1/incidents?state=" + state, api.tokenOf("dongcheng"))
				.list()
				.stream()
				.limit(2)
				.forEach(i -> ids.add(i.path("id").asString()));
		}
		assertThat(ids).as("the demo has incidents in most states").hasSizeGreaterThan(12);
		int compared = 0;
		for (String user : List.of("dongcheng", "dongcheng-g01", "dangyuan01", "chengguan", "jieshi")) {
			String token = api.tokenOf(user);
			WebSession session = new WebSession(port).loggedInAs(user, ApiClient.DEMO_PASSWORD);
			for (String id : ids) {
				ApiClient.Response answer = api.get("/api/v1/incidents/" + id, token);
				if (answer.status() != 200) {
					continue;
				}
				Set<IncidentAction> allowed = actions(answer.json().path("allowedActions"));
				HttpResponse<String> desk = session.get("/incidents/" + id);
				if (desk.statusCode() == 200) {
					assertThat(forms(desk.body(), DESK_FORM, DESK)).as("%s on the desk, %s", user, id)
						.isEqualTo(only(allowed, DESK));
					compared++;
				}
				HttpResponse<String> phone = session.get("/m/tasks/" + id);
				if (phone.statusCode() == 200) {
					assertThat(forms(phone.body(), PHONE_FORM, PHONE)).as("%s on the phone, %s", user, id)
						.isEqualTo(only(allowed, PHONE));
					compared++;
				}
			}
		}
		assertThat(compared).as("pages compared with the API").isGreaterThan(20);
	}

	private static Set<IncidentAction> actions(JsonNode array) {
		Set<IncidentAction> actions = EnumSet.noneOf(IncidentAction.class);
		array.forEach(a -> actions.add(IncidentAction.valueOf(a.asString())));
		return actions;
	}

	private static Set<String> forms(String html, Pattern pattern, Map<String, IncidentAction> known) {
		Set<String> found = new TreeSet<>();
		Matcher m = pattern.matcher(html);
		while (m.find()) {
			if (known.containsKey(m.group(1))) {
				found.add(m.group(1));
			}
		}
		return found;
	}

	private static Set<String> only(Set<IncidentAction> allowed, Map<String, IncidentAction> surface) {
		return surface.entrySet()
			.stream()
			.filter(e -> allowed.contains(e.getValue()))
			.map(Map.Entry::getKey)
			.collect(Collectors.toCollection(TreeSet::new));
	}
}
