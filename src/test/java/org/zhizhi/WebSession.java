package org.zhizhi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like session on the pages: its own cookie jar (so its own HTTP session), redirects not followed so that
 * tests see where they lead, and forms posted with the CSRF token taken from the page that shows them.
 */
public final class WebSession {

	private static final Pattern CSRF_INPUT = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*>");

	private static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");

	private final String base;

	private final HttpClient http;

	private final CookieManager cookies;

	public WebSession(int port) {
		this(port, new CookieManager(null, CookiePolicy.ACCEPT_ALL));
	}

	private WebSession(int port, CookieManager cookies) {
		this.base = "http://localhost:" + port;
		this.cookies = cookies;
		this.http = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.cookieHandler(cookies)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
	}

	/**
	 * The same browser talking to another node of the platform, as it does behind a balancer: the same cookies (a
	 * cookie belongs to the host, whatever its port), so the same web session.
	 */
	public WebSession at(int port) {
		return new WebSession(port, cookies);
	}

	/** The value of the session cookie (Spring Session's {@code SESSION}), or "" before there is one. */
	public String sessionCookie() {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> c.getName().equals("SESSION"))
			.map(java.net.HttpCookie::getValue)
			.findFirst()
			.orElse("");
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
	}

	/** Posts the form as it is: no CSRF token is added. */
	public HttpResponse<String> postForm(String path, Map<String, String> form) {
		String body = form.entrySet()
			.stream()
			.map(e -> ApiClient.encode(e.getKey()) + "=" + ApiClient.encode(e.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
	}

	/** Opens the page that holds the form, takes its CSRF token and posts the form with it. */
	public HttpResponse<String> submit(String pagePath, String actionPath, Map<String, String> form) {
		HttpResponse<String> page = get(pagePath);
		assertThat(page.statusCode()).as("the page %s that holds the form", pagePath).isEqualTo(200);
		Map<String, String> withToken = new LinkedHashMap<>(form);
		withToken.put("_csrf", csrfToken(page.body()));
		return postForm(actionPath, withToken);
	}

	/** {@link #submit} for a form whose fields repeat (rows of a table): the pairs are posted in their order. */
	public HttpResponse<String> submitForm(String pagePath, String actionPath, List<Map.Entry<String, String>> form) {
		HttpResponse<String> page = get(pagePath);
		assertThat(page.statusCode()).as("the page %s that holds the form", pagePath).isEqualTo(200);
		String body = java.util.stream.Stream.concat(form.stream(),
				java.util.stream.Stream.of(Map.entry("_csrf", csrfToken(page.body()))))
			.map(e -> ApiClient.encode(e.getKey()) + "=" + ApiClient.encode(e.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(base + actionPath))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
	}

	/**
	 * Uploads a file through a page's multipart form: the CSRF token of the page that holds the form goes in the query
	 * string, as the pages' upload forms send it (the body of a multipart request is read after the security check).
	 */
	public HttpResponse<String> upload(String pagePath, String actionPath, String field, String filename,
			byte[] file) {
		HttpResponse<String> page = get(pagePath);
		assertThat(page.statusCode()).as("the page %s that holds the form", pagePath).isEqualTo(200);
		String boundary = "----zhizhi" + java.util.UUID.randomUUID();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
				+ filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(file);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(URI.create(base + actionPath + "?_csrf=" + csrfToken(page.body())))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(BodyPublishers.ofByteArray(body.toByteArray())));
	}

	/** A download's bytes (an .xlsx), with this session's cookies. */
	public HttpResponse<byte[]> download(String path) {
		try {
			return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET()
				.build(), BodyHandlers.ofByteArray());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** Signs in through the login form; the answer is the redirect that follows. */
	public HttpResponse<String> login(String username, String password) {
		return submit("/login", "/login", Map.of("username", username, "password", password));
	}

	/**
	 * Signs in and asserts that the login form sent the user on to the home page; a staff account gives its second
	 * factor on the way (enrolling its authenticator at its first sign-in, see {@link TwoFactorEnrolments}).
	 */
	public WebSession loggedInAs(String username, String password) {
		HttpResponse<String> response = login(username, password);
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(landing(username, response)).as("redirect after signing in as %s", username).isEqualTo("/");
		return this;
	}

	/**
	 * Where a sign-in lands once the second factor is given, if the password step (a redirect) asked for one:
	 * enrols the account at its first sign-in (the continue link of the recovery codes), and later gives one of its
	 * recovery codes, good at any moment (a TOTP code is good once per 30 seconds; tests sign in faster than that).
	 */
	public String landing(String username, HttpResponse<String> passwordStep) {
		String next = location(passwordStep);
		if (next.equals("/login/two-factor/enrol")) {
			HttpResponse<String> recovery = TwoFactorEnrolments.enrol(this, base, username);
			Matcher link = CONTINUE.matcher(recovery.body());
			assertThat(link.find()).as("the continue link after enrolment").isTrue();
			return link.group(1);
		}
		if (next.equals("/login/two-factor")) {
			TwoFactorEnrolments.Enrolment enrolment = TwoFactorEnrolments.of(base, username);
			assertThat(enrolment).as("%s was enrolled by this test run", username).isNotNull();
			return location(submit("/login/two-factor", "/login/two-factor",
					Map.of("code", enrolment.takeRecoveryCode())));
		}
		return next;
	}

	private static final Pattern CONTINUE = Pattern.compile("<a [^>]*id=\"continue\"[^>]*href=\"([^\"]+)\"");

	/** The hidden {@code _csrf} input of a rendered form. */
	public static String csrfToken(String html) {
		Matcher input = CSRF_INPUT.matcher(html);
		assertThat(input.find()).as("a hidden _csrf input in the page").isTrue();
		Matcher value = VALUE.matcher(input.group());
		assertThat(value.find()).isTrue();
		return value.group(1);
	}

	/** Where a redirect leads, as path and query, whether the Location header is absolute or not. */
	public static String location(HttpResponse<?> response) {
		String location = response.headers().firstValue("Location").orElse(null);
		assertThat(location).as("a Location header (status %d)", response.statusCode()).isNotNull();
		URI uri = URI.create(location);
		return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			// what a browser asks for, so that error pages come as HTML, not as JSON
			request.header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
			return http.send(request.timeout(Duration.ofSeconds(30)).build(),
					BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
