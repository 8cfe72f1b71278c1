package org.zhizhi.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhizhi.open311.Open311Http.eventually;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Element;
import org.zhizhi.TestClock;
import org.zhizhi.ZhizhiIntegrationTest;
import org.zhizhi.open311.Open311Http.Answer;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;

/**
 * Every Open311 endpoint, fetched as JSON and checked against the official GeoReport v2 JSON Schemas (copied with
 * their source note into src/test/resources/open311/; the POST and token answers against the definitions of the
 * official Swagger file), and fetched as XML, which must parse and carry exactly the same content under the element
 * names of the specification.
 */
@ZhizhiIntegrationTest
class Open311ConformanceIntegrationTests {

	/** Date-times as the platform writes them: ISO-8601 with the +08:00 offset. */
	static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+08:00";

	private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	private Open311Http open311;

	@BeforeEach
	void client() {
		open311 = new Open311Http(port);
	}

	@Test
	void discoveryNamesTheEndpointItsSpecificationAndFormats() {
		Answer json = open311.get("discovery.json");
		assertThat(json.status()).isEqualTo(200);
		assertThat(json.contentType()).isEqualTo("application/json");
		JsonNode discovery = json.json();
		assertThat(discovery.path("changeset").asString()).matches(TIMESTAMP);
		assertThat(discovery.path("contact").asString()).isNotBlank();
		assertThat(discovery.path("key_service").asString()).isNotBlank();
		JsonNode endpoint = discovery.path("endpoints").get(0);
		assertThat(endpoint.path("specification").asString()).isEqualTo("http://wiki.open311.org/GeoReport_v2");
		assertThat(endpoint.path("url").asString()).isEqualTo("http://localhost:" + port + "/open311/v2");
		assertThat(endpoint.path("type").asString()).isEqualTo("production");
		assertThat(endpoint.path("formats").valueStream().map(JsonNode::asString))
			.containsExactly("text/xml", "application/json");

		sameAsXml("discovery.xml", "discovery", null, discovery);
	}

	@Test
	void servicesAreTheActiveCategoriesValidAgainstTheSchema() {
		JsonNode services = valid("services.json", "classpath:open311/services.json");

		assertThat(services.size()).isGreaterThanOrEqualTo(16);
		JsonNode manhole = find(services, "service_code", "MANHOLE_COVER");
		assertThat(manhole.path("service_name").asString()).isEqualTo("井盖破损");
		assertThat(manhole.path("group").asString()).isEqualTo("市容环境");
		assertThat(manhole.path("type").asString()).isEqualTo("realtime");
		assertThat(manhole.path("metadata").asBoolean()).isTrue();
		assertThat(find(services, "service_code", "OTHER").path("metadata").asBoolean()).isFalse();

		sameAsXml("services.xml", "services", "service", services);
	}

	@Test
	void aServiceDefinitionListsItsAttributesValidAgainstTheSchema() {
		JsonNode definition = valid("services/MANHOLE_COVER.json", "classpath:open311/service-definition.json");

		assertThat(definition.path("service_code").asString()).isEqualTo("MANHOLE_COVER");
		JsonNode kind = find(definition.path("attributes"), "code", "COVER_KIND");
		assertThat(kind.path("datatype").asString()).isEqualTo("singlevaluelist");
		assertThat(kind.path("required").asBoolean()).isTrue();
		assertThat(kind.path("values").valueStream().map(v -> v.path("key").asString())).contains("RAIN", "SEWAGE");
		sameAsXml("services/MANHOLE_COVER.xml", "service_definition", null, definition);

		JsonNode plain = valid("services/OTHER.json", "classpath:open311/service-definition.json");
		assertThat(plain.path("attributes").size()).isZero();
		sameAsXml("services/OTHER.xml", "service_definition", null, plain);
	}

	@Test
	void aPostItsRequestItsTokenAndTheListsAreValidAgainstTheSchemas() {
		double[] point = open311.inside("东城社区第2网格");
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("api_key", Open311Http.DEMO_KEY);
		form.put("service_code", "ROAD_POTHOLE");
		form.put("lat", point[0]);
		form.put("long", point[1]);
		form.put("description", "路面坑洼 " + UUID.randomUUID());
		// the updates feed from a moment before this test's own requests: oldest first and a page at most, the feed's
	// default window (90 days) holds more updates than a page once other tests have reported enough
		String since = Open311Http.encode(clock.instant().minusSeconds(60).toString());
		Answer posted = open311.post("requests.json", form);
		assertThat(posted.status()).as(posted.body()).isEqualTo(200);
		assertThat(posted.contentType()).isEqualTo("application/json");
		validate(posted.json(), "classpath:open311/swagger.json#/definitions/RequestResponse", true);
		String id = posted.json().get(0).path("service_request_id").asString();
		String token = posted.json().get(0).path("token").asString();

		JsonNode one = valid("requests/" + id + ".json", "classpath:open311/requests.json");
		assertThat(one.size()).isEqualTo(1);
		JsonNode request = one.get(0);
		assertThat(request.path("service_request_id").asString()).isEqualTo(id);
		assertThat(request.path("status").asString()).isEqualTo("open");
		assertThat(request.path("service_code").asString()).isEqualTo("ROAD_POTHOLE");
		assertThat(request.path("service_name").asString()).isEqualTo("道路坑洼");
		assertThat(request.path("requested_datetime").asString()).matches(TIMESTAMP);
		assertThat(request.path("updated_datetime").asString()).matches(TIMESTAMP);
		assertThat(request.path("agency_responsible").asString()).isEqualTo("东城社区第2网格");
		assertThat(request.path("address").asString()).startsWith("东城社区第2网格, 东城社区, 界石镇, 巴南区");
		assertThat(request.path("lat").asDouble()).isEqualTo(point[0]);
		assertThat(request.path("long").asDouble()).isEqualTo(point[1]);
		assertThat(request.has("media_url")).as("photos are not served publicly").isFalse();
		sameAsXml("requests/" + id + ".xml", "service_requests", "request", one);

		JsonNode list = valid("requests.json?service_request_id=" + id, "classpath:open311/requests.json");
		assertThat(list).isEqualTo(one);
		eventually(() -> {
			JsonNode recent = valid("requests.json", "classpath:open311/requests.json");
			assertThat(recent.valueStream().map(r -> r.path("service_request_id").asString())).contains(id);
		});
		sameAsXml("requests.xml?service_request_id=" + id, "service_requests", "request", list);

		Answer tokenAnswer = open311.get("tokens/" + token + ".json");
		assertThat(tokenAnswer.status()).isEqualTo(200);
		assertThat(tokenAnswer.contentType()).isEqualTo("application/json");
		validate(tokenAnswer.json(), "classpath:open311/swagger.json#/definitions/TokenResponse", true);
		assertThat(tokenAnswer.json().get(0).path("service_request_id").asString()).isEqualTo(id);
		sameAsXml("tokens/" + token + ".xml", "service_requests", "request", tokenAnswer.json());

		JsonNode report = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
			Answer updates = open311.get("servicerequestupdates.json?start_date=" + since);
			assertThat(updates.status()).isEqualTo(200);
			return updates.json()
				.valueStream()
				.filter(u -> u.path("service_request_id").asString().equals(id))
				.findFirst();
		}, Optional::isPresent).orElseThrow();
		assertThat(report.path("update_id").asString()).isNotBlank();
		assertThat(report.path("status").asString()).isEqualTo("open");
		assertThat(report.path("updated_datetime").asString()).matches(TIMESTAMP);
		assertThat(report.path("description").asString()).isEqualTo("上报");
	}

	@Test
	void theXmlOfPostAndErrorsUsesTheSpecificationsElementNames() {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("api_key", "wrong");
		form.put("service_code", "OTHER");
		Answer refused = open311.post("requests.xml", form);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.contentType()).isEqualTo("text/xml");
		Answer refusedJson = open311.post("requests.json", form);
		assertThat(refusedJson.status()).isEqualTo(403);
		assertThat(refusedJson.contentType()).as("errors too").isEqualTo("application/json");
		Element errors = refused.xml().getDocumentElement();
		assertThat(errors.getTagName()).isEqualTo("errors");
		Element error = Open311Http.children(errors).get(0);
		assertThat(error.getTagName()).isEqualTo("error");
		assertThat(Open311Http.children(error).stream().map(Element::getTagName)).containsExactly("code",
				"description");
		assertThat(Open311Http.children(error).get(0).getTextContent()).isEqualTo("403");

		double[] point = open311.inside("东城社区第2网格");
		form.put("api_key", Open311Http.DEMO_KEY);
		form.put("lat", point[0]);
		form.put("long", point[1]);
		form.put("description", "其他问题 " + UUID.randomUUID());
		Answer posted = open311.post("requests.xml", form);
		assertThat(posted.status()).as(posted.body()).isEqualTo(200);
		assertThat(posted.contentType()).isEqualTo("text/xml");
		assertThat(posted.body()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
		Element requests = posted.xml().getDocumentElement();
		assertThat(requests.getTagName()).isEqualTo("service_requests");
		Element request = Open311Http.children(requests).get(0);
		assertThat(request.getTagName()).isEqualTo("request");
		assertThat(Open311Http.children(request).stream().map(Element::getTagName)).contains("service_request_id",
				"token");
	}

	// --- helpers -------------------------------------------------------------------------------------------------

	/** Fetches a JSON answer, asserts 200 and that it is valid against the schema, and returns it. */
	private JsonNode valid(String path, String schema) {
		Answer answer = open311.get(path);
		assertThat(answer.status()).as("%s: %s", path, answer.body()).isEqualTo(200);
		assertThat(answer.contentType()).as("exactly, without a charset").isEqualTo("application/json");
		validate(answer.json(), schema, false);
		return answer.json();
	}

	/** Validates a document, or with {@code eachItem} every item of a JSON array, against a schema. */
	private static void validate(JsonNode document, String schemaLocation, boolean eachItem) {
		Schema schema = SCHEMAS.getSchema(SchemaLocation.of(schemaLocation));
		List<JsonNode> documents = eachItem ? document.valueStream().toList() : List.of(document);
		if (eachItem) {
			assertThat(document.isArray()).as("an array: %s", document).isTrue();
			assertThat(documents).isNotEmpty();
		}
		for (JsonNode item : documents) {
			List<Error> errors = schema.validate(item);
			assertThat(errors).as("%s against %s", item, schemaLocation).isEmpty();
		}
	}

	private void sameAsXml(String path, String root, String item, JsonNode json) {
		Answer xml = open311.get(path);
		assertThat(xml.status()).as("%s: %s", path, xml.body()).isEqualTo(200);
		assertThat(xml.contentType()).as("exactly the specification's type").isEqualTo("text/xml");
		Element element = xml.xml().getDocumentElement();
		assertThat(element.getTagName()).isEqualTo(root);
		Open311Http.assertSameContent(element, json, item);
	}

	private static JsonNode find(JsonNode array, String field, String value) {
		return array.valueStream()
			.filter(n -> n.path(field).asString().equals(value))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + field + "=" + value + " in " + array));
	}
}
