package org.zhizhi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON calls to the running platform over real HTTP, with bearer tokens. The demo accounts' tokens are issued once per
 * test run and shared: tests never revoke them (a test that needs to revoke a token signs in afresh).
 */
public final class ApiClient {

	public static final String DEMO_PASSWORD = "Zhizhi@2026";

	/** A password that passes the rules and contains none of the test usernames. */
	public static final String TEST_PASSWORD = "Pw#2026-test";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private final String base;

	public ApiClient(int port) {
		this.base = "http://localhost:" + port;
	}

	private int port() {
		return URI.create(base).getPort();
	}

	/** One answer: status, headers and the body as text, readable as JSON. */
	public record Response(int status, HttpHeaders headers, String body) {

		public JsonNode json() {
			return JSON.readTree(body);
		}

		public String contentType() {
			return headers.firstValue("Content-Type").orElse("");
		}

		/** Asserts that this is an RFC 9457 problem with the given status and returns its {@code code}. */
		public String problemCode(int expectedStatus) {
			assertThat(status).as("status of %s", brief()).isEqualTo(expectedStatus);
			assertThat(contentType()).as("content type").startsWith("application/problem+json");
			JsonNode problem = json();
			assertThat(problem.path("status").asInt()).isEqualTo(expectedStatus);
			assertThat(problem.path("errors").isArray()).as("errors[] in %s", brief()).isTrue();
			return problem.path("code").asString();
		}

		/** The body, cut short for assertion messages. */
		public String brief() {
			return body.length() <= 500 ? body : body.substring(0, 500) + "…";
		}

		/** The fields named in a problem's {@code errors[]}. */
		public List<String> errorFields() {
			List<String> fields = new ArrayList<>();
			json().path("errors").forEach(error -> fields.add(error.path("field").asString()));
			return fields;
		}

		public List<JsonNode> list() {
			JsonNode node = json();
			assertThat(node.isArray()).as("a JSON array: %s", brief()).isTrue();
			List<JsonNode> items = new ArrayList<>();
			node.forEach(items::add);
			return items;
		}
	}

	public Response get(String path, String token) {
		return send("GET", path, token, null);
	}

	public Response post(String path, String token, Object body) {
		return send("POST", path, token, body == null ? null : JSON.writeValueAsString(body));
	}

	public Response put(String path, String token, Object body) {
		return send("PUT", path, token, body == null ? null : JSON.writeValueAsString(body));
	}

	public Response postRaw(String path, String token, String rawJson) {
		return send("POST", path, token, rawJson);
	}

	public Response delete(String path, String token) {
		return send("DELETE", path, token, null);
	}

	public Response send(String method, String path, String token, String rawBody) {
		try {
			return sendAsync(method, path, token, rawBody).join();
		}
		catch (java.util.concurrent.CompletionException e) {
			if (e.getCause() instanceof IOException io) {
				throw new UncheckedIOException(io);
			}
			throw e;
		}
	}

	/** The centre (lat, lng) of an org unit's boundary: a point that lies inside a grid or micro-grid. */
	public double[] centroid(UUID orgUnitId) {
		String boundary = get("/api/v1/org-units/" + orgUnitId, tokenOf("admin")).json().path("boundary").toString();
		org.locationtech.jts.geom.Point centre = org.zhizhi.territory.Boundaries.parse(boundary).getCentroid();
		return new double[] { centre.getY(), centre.getX() };
	}

	/** The centre (lat, lng) of the org unit with this exact name. */
	public double[] centroid(String exactName) {
		return centroid(orgUnitId(exactName));
	}

	/** The status of a photo upload (a generated JPEG) to an incident as this user. */
	public int uploadPhotoStatus(String token, String incidentId) {
		try {
			uploadPhoto(token, incidentId);
			return 201;
		}
		catch (IllegalStateException e) {
			return Integer.parseInt(e.getMessage().replaceAll("(?s)^photo upload: (\\d+).*$", "$1"));
		}
	}

	public String uploadPhoto(String token, UUID incidentId) {
		return uploadPhoto(token, incidentId.toString());
	}

	/** Uploads a small generated JPEG to an incident as this user and answers the photo's id. */
	public String uploadPhoto(String token, String incidentId) {
		try {
			java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(320, 240,
					java.awt.image.BufferedImage.TYPE_INT_RGB);
			java.awt.Graphics2D g = image.createGraphics();
			g.setColor(java.awt.Color.GRAY);
			g.fillRect(0, 0, 320, 240);
			g.setColor(java.awt.Color.ORANGE);
			g.fillOval(100, 60, 120, 120);
			g.dispose();
			java.io.ByteArrayOutputStream jpeg = new java.io.ByteArrayOutputStream();
			javax.imageio.ImageIO.write(image, "jpg", jpeg);
			String boundary = "zz" + UUID.randomUUID();
			java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
			body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.jpg\""
					+ "\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
			body.write(jpeg.toByteArray());
			body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
			var response = java.net.http.HttpClient.newHttpClient()
				.send(java.net.http.HttpRequest
					.newBuilder(URI.create(base + "/api/v1/incidents/" + incidentId + "/photos"))
					.header("Authorization", "Bearer " + token)
					.header("Content-Type", "multipart/form-data; boundary=" + boundary)
					.POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
					.build(), java.net.http.HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			if (response.statusCode() != 201) {
				throw new IllegalStateException("photo upload: " + response.statusCode() + " " + response.body());
			}
			return JSON.readTree(response.body()).path("id").asString();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** One part of a multipart request: its content type, its bytes, and a file name if it is a file. */
	public record Part(String contentType, byte[] content, String filename) {

		public static Part json(Object value) {
			return new Part("application/json", JSON.writeValueAsString(value).getBytes(StandardCharsets.UTF_8), null);
		}

		public static Part jpeg(byte[] bytes) {
			return new Part("image/jpeg", bytes, "photo.jpg");
		}
	}

	/** A multipart/form-data POST of the named parts, in their order. */
	public Response postMultipart(String path, String token, Map<String, Part> parts) {
		try {
			String boundary = "zz" + UUID.randomUUID();
			java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
			for (var part : parts.entrySet()) {
				body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.getKey() + "\""
						+ (part.getValue().filename() == null ? "" : "; filename=\"" + part.getValue().filename() + "\"")
						+ "\r\nContent-Type: " + part.getValue().contentType() + "\r\n\r\n")
					.getBytes(StandardCharsets.UTF_8));
				body.write(part.getValue().content());
				body.write("\r\n".getBytes(StandardCharsets.UTF_8));
			}
			body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
			var response = HTTP.send(java.net.http.HttpRequest.newBuilder(URI.create(base + path))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Response(response.statusCode(), response.headers(), response.body());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** A GET with an explicit {@code Accept} header; the other calls send none, as most API clients do. */
	public Response getAccepting(String path, String token, String accept) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", accept)
			.GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return HTTP.sendAsync(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8))
			.thenApply(r -> new Response(r.statusCode(), r.headers(), r.body()))
			.join();
	}

	public CompletableFuture<Response> sendAsync(String method, String path, String token, String rawBody) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (rawBody != null) {
			request.header("Content-Type", "application/json");
			request.method(method, BodyPublishers.ofString(rawBody, StandardCharsets.UTF_8));
		}
		else {
			request.method(method, BodyPublishers.noBody());
		}
		return HTTP.sendAsync(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8))
			.thenApply(r -> new Response(r.statusCode(), r.headers(), r.body()));
	}

	/**
	 * A resident's 随手拍 at the centre of the grid, with the Idempotency-Key the report endpoint requires (the plain
	 * {@link #post} sends none); answers the new incident's id.
	 */
	public String reportAsResident(String username, String gridName, String categoryCode, String description) {
		double[] spot = centroid(gridName);
		String body = json(java.util.Map.of("channel", "RESIDENT_APP", "categoryCode", categoryCode, "description",
				description, "lat", spot[0], "lng", spot[1]));
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/incidents"))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + tokenOf(username))
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", java.util.UUID.randomUUID().toString())
			.POST(BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build();
		Response response = HTTP.sendAsync(request, BodyHandlers.ofString(StandardCharsets.UTF_8))
			.thenApply(r -> new Response(r.statusCode(), r.headers(), r.body()))
			.join();
		org.assertj.core.api.Assertions.assertThat(response.status()).as(response.brief()).isEqualTo(201);
		return response.json().path("incident").path("id").asString();
	}

	public static String json(Object value) {
		return JSON.writeValueAsString(value);
	}

	// --- sign-in --------------------------------------------------------------------------------------------------

	public Response requestToken(String username, String password) {
		Map<String, String> body = new LinkedHashMap<>();
		body.put("username", username);
		body.put("password", password);
		return post("/api/v1/auth/token", null, body);
	}

	public Response requestToken(String username, String password, String totp) {
		Map<String, String> body = new LinkedHashMap<>();
		body.put("username", username);
		body.put("password", password);
		body.put("totp", totp);
		return post("/api/v1/auth/token", null, body);
	}

	/**
	 * Signs in and returns a new token; fails the test if sign-in does not succeed. A staff account gives its second
	 * factor: enrolled through the sign-in page the first time (the API enrols no one), then one of its recovery codes
	 * (good at any moment, unlike a TOTP code, which is good once per 30 seconds).
	 */
	public String login(String username, String password) {
		Response response = requestToken(username, password);
		if (response.status() == 403 && response.body().contains("TWO_FACTOR_ENROLMENT_REQUIRED")) {
			WebSession browser = new WebSession(port());
			browser.landing(username, browser.login(username, password));
		}
		TwoFactorEnrolments.Enrolment enrolment = TwoFactorEnrolments.of(base, username);
		if (response.status() != 200 && enrolment != null) {
			response = requestToken(username, password, enrolment.takeRecoveryCode());
		}
		assertThat(response.status()).as("sign-in of %s: %s", username, response.brief()).isEqualTo(200);
		String token = response.json().path("token").asString();
		assertThat(token).isNotBlank();
		return token;
	}

	/** The shared token of a demo account. */
	public String tokenOf(String demoUsername) {
		return TOKENS.computeIfAbsent(base + " " + demoUsername, key -> login(demoUsername, DEMO_PASSWORD));
	}

	// --- the territory as the system admin sees it --------------------------------------------------------------

	/** Every node of the tree, by id, as the system admin (whose scope is the root) lists them. */
	public Map<UUID, JsonNode> allOrgUnits() {
		Response response = get("/api/v1/org-units", tokenOf("admin"));
		assertThat(response.status()).isEqualTo(200);
		Map<UUID, JsonNode> all = new LinkedHashMap<>();
		for (JsonNode node : response.list()) {
			all.put(UUID.fromString(node.path("id").asString()), node);
		}
		return all;
	}

	/** The id of the one node with exactly this name. */
	public UUID orgUnitId(String exactName) {
		List<UUID> ids = new ArrayList<>();
		for (JsonNode node : get("/api/v1/org-units?name=" + encode(exactName), tokenOf("admin")).list()) {
			if (node.path("name").asString().equals(exactName)) {
				ids.add(UUID.fromString(node.path("id").asString()));
			}
		}
		assertThat(ids).as("nodes named %s", exactName).hasSize(1);
		return ids.get(0);
	}

	/** Whether {@code nodeId} is {@code ancestorId} or lies below it, walking the parentId chain. */
	public static boolean isWithin(Map<UUID, JsonNode> all, UUID nodeId, UUID ancestorId) {
		UUID current = nodeId;
		while (current != null) {
			if (current.equals(ancestorId)) {
				return true;
			}
			JsonNode node = all.get(current);
			if (node == null || node.path("parentId").isNull() || node.path("parentId").isMissingNode()) {
				return false;
			}
			current = UUID.fromString(node.path("parentId").asString());
		}
		return false;
	}

	// --- accounts -------------------------------------------------------------------------------------------------

	/** A username no other test uses: the prefix and a random suffix. */
	public static String uniqueUsername(String prefix) {
		return (prefix + "-" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
	}

	public static Map<String, Object> newAccount(String username, String role, UUID orgUnitId, String gridPosition) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("username", username);
		body.put("displayName", "测试 " + username);
		body.put("password", TEST_PASSWORD);
		body.put("roles", List.of(role));
		body.put("orgUnitId", orgUnitId);
		body.put("gridPosition", gridPosition);
		return body;
	}

	/** Creates an account as the granter and returns it; fails the test unless the answer is 201. */
	public JsonNode createAccount(String granterToken, Map<String, Object> body) {
		Response response = post("/api/v1/accounts", granterToken, body);
		assertThat(response.status()).as("creation of %s: %s", body.get("username"), response.brief()).isEqualTo(201);
		return response.json();
	}

	/** A fresh resident of 东城社区第1网格, created by the community worker {@code dongcheng}. */
	public JsonNode createResident(String usernamePrefix) {
		return createAccount(tokenOf("dongcheng"),
				newAccount(uniqueUsername(usernamePrefix), "RESIDENT", orgUnitId("东城社区第1网格"), null));
	}

	public static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	/** The id of the one estate visible to the token's user with exactly this name. */
	public UUID estateId(String token, String exactName) {
		List<JsonNode> found = get("/api/v1/estates?name=" + encode(exactName), token).list()
			.stream()
			.filter(e -> e.path("name").asString().equals(exactName))
			.toList();
		assertThat(found).as("estates named %s", exactName).hasSize(1);
		return UUID.fromString(found.get(0).path("id").asString());
	}

	/** The figures of an estate's summary, by JSON field name. */
	public Map<String, Long> estateSummary(String token, String exactName) {
		return counts(get("/api/v1/estates/" + estateId(token, exactName) + "/summary", token));
	}

	/** A 200 answer of named counts (a summary) as a map. */
	public static Map<String, Long> counts(Response response) {
		assertThat(response.status()).as(response.brief()).isEqualTo(200);
		Map<String, Long> counts = new LinkedHashMap<>();
		response.json().properties().forEach(e -> counts.put(e.getKey(), e.getValue().asLong()));
		return counts;
	}
}
