package org.zhizhi.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;

import org.locationtech.jts.geom.Point;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.awaitility.Awaitility;
import org.awaitility.core.ThrowingRunnable;
import org.zhizhi.ApiClient;
import org.zhizhi.territory.Boundaries;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls to /open311/v2 the way an Open311 client makes them: form posts, .json and .xml, no session, no token. */
final class Open311Http {

	static final String DEMO_KEY = "zhizhi-demo-key";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final String base;

	private final ApiClient api;

	/**
	 * Waits until the assertions hold: the index of requests and the updates feed follow the incident's steps after
	 * they commit (open311's RequestIndex is an @ApplicationModuleListener), not in the same instant.
	 */
	static void eventually(ThrowingRunnable assertions) {
		Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(assertions);
	}

	Open311Http(int port) {
		this.base = "http://localhost:" + port + "/open311/v2/";
		this.api = new ApiClient(port);
	}

	record Answer(int status, String contentType, String body) {

		JsonNode json() {
			return JSON.readTree(body);
		}

		Document xml() {
			try {
				return DocumentBuilderFactory.newInstance()
					.newDocumentBuilder()
					.parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
			}
			catch (Exception e) {
				throw new AssertionError("not well-formed XML: " + body, e);
			}
		}

		/** The descriptions of an Open311 error list with the given status, each checked to carry that code. */
		List<String> errors(int expectedStatus) {
			assertThat(status).as(body).isEqualTo(expectedStatus);
			JsonNode errors = json();
			assertThat(errors.isArray()).as(body).isTrue();
			assertThat(errors.size()).as(body).isPositive();
			List<String> descriptions = new ArrayList<>();
			errors.forEach(e -> {
				assertThat(e.path("code").asInt()).as(body).isEqualTo(expectedStatus);
				descriptions.add(e.path("description").asString());
			});
			return descriptions;
		}
	}

	Answer get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
	}

	Answer post(String path, Map<String, ?> form) {
		return post(path, form, null);
	}

	Answer post(String path, Map<String, ?> form, String idempotencyKey) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString(form(form)));
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		return send(request);
	}

	private static Answer send(HttpRequest.Builder request) {
		try {
			var response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
					BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body());
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	static String form(Map<String, ?> fields) {
		return fields.entrySet()
			.stream()
			.map(e -> encode(e.getKey()) + "=" + encode(String.valueOf(e.getValue())))
			.collect(Collectors.joining("&"));
	}

	static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	ApiClient api() {
		return api;
	}

	/** A point inside the named grid (its boundary's centroid), as lat/lng. */
	double[] inside(String gridName) {
		String boundary = api.get("/api/v1/org-units/" + api.orgUnitId(gridName), api.tokenOf("admin"))
			.json()
			.path("boundary")
			.toString();
		Point centroid = Boundaries.parse(boundary).getCentroid();
		return new double[] { centroid.getY(), centroid.getX() };
	}

	/** The child elements of an XML element. */
	static List<Element> children(Node parent) {
		List<Element> children = new ArrayList<>();
		for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element) {
				children.add(element);
			}
		}
		return children;
	}

	/**
	 * Asserts that an XML element carries exactly the content of a JSON value: an object's fields as child elements of
	 * the same names (no more, no fewer), an array's items as children named {@code itemName}, a value as text.
	 */
	static void assertSameContent(Element element, JsonNode json, String itemName) {
		String where = element.getTagName();
		if (json.isArray()) {
			List<Element> items = children(element);
			assertThat(items).as("items of <%s>", where).hasSize(json.size());
			for (int i = 0; i < json.size(); i++) {
				assertThat(items.get(i).getTagName()).as("item of <%s>", where).isEqualTo(itemName);
				assertSameContent(items.get(i), json.get(i), null);
			}
		}
		else if (json.isObject()) {
			List<Element> fields = children(element);
			assertThat(fields.stream().map(Element::getTagName).toList()).as("fields of <%s>", where)
				.containsExactlyElementsOf(json.propertyNames());
			for (Element field : fields) {
				JsonNode value = json.path(field.getTagName());
				String item = switch (field.getTagName()) {
					case "attributes" -> "attribute";
					case "values" -> "value";
					case "endpoints" -> "endpoint";
					case "formats" -> "format";
					default -> null;
				};
				assertSameContent(field, value, item);
			}
		}
		else {
			assertThat(element.getTextContent()).as("text of <%s>", where).isEqualTo(json.asString());
		}
	}
}
