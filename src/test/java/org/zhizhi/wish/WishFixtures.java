package org.zhizhi.wish;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.zhizhi.ApiClient;
import org.zhizhi.ApiClient.Response;

/** What the wish tests share: a new wish's body, a generated JPEG, and multipart calls. */
final class WishFixtures {

	static final HttpClient HTTP = HttpClient.newHttpClient();

	private WishFixtures() {
	}

	/** A new wish due 20 days after {@code today} (the platform's today: its clock decides what is past due). */
	static Map<String, Object> wish(String title, String beneficiary, int maxTakers, LocalDate today) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", title);
		body.put("description", "想要一台助行器，方便下楼买菜。");
		body.put("category", "GOODS");
		body.put("publicLabel", "一位独居老人");
		body.put("beneficiaryName", beneficiary);
		body.put("beneficiaryAddress", "东城公租房3栋2单元1804");
		body.put("dueOn", today.plusDays(20).toString());
		body.put("maxTakers", maxTakers);
		return body;
	}

	static byte[] jpeg() {
		try {
			java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(160, 120,
					java.awt.image.BufferedImage.TYPE_INT_RGB);
			java.awt.Graphics2D g = image.createGraphics();
			g.setColor(java.awt.Color.PINK);
			g.fillRect(0, 0, 160, 120);
			g.dispose();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			javax.imageio.ImageIO.write(image, "jpg", out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** POST /api/v1/wishes/{id}/fulfil with a note and (if given) a photo. */
	static Response fulfil(int port, String token, String id, String note, byte[] photo) {
		try {
			String boundary = "zz" + UUID.randomUUID();
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			if (note != null) {
				body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"note\"\r\n"
						+ "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + note + "\r\n")
					.getBytes(StandardCharsets.UTF_8));
			}
			if (photo != null) {
				body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"p.jpg\""
						+ "\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
				body.write(photo);
				body.write("\r\n".getBytes(StandardCharsets.UTF_8));
			}
			body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
			HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(
					"http://localhost:" + port + "/api/v1/wishes/" + id + "/fulfil"))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
				.build(), HttpResponse.BodyHandlers.ofString());
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

	/** A page fetched without any login. */
	static HttpResponse<String> anonymous(int port, String path) {
		try {
			return HttpClient.newBuilder()
				.followRedirects(HttpClient.Redirect.NEVER)
				.build()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
						HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	static String idOf(Response response) {
		return response.json().path("id").asString();
	}

	static String unique(String prefix) {
		return prefix + UUID.randomUUID().toString().substring(0, 8);
	}

	static Map<String, Object> map(Object... pairs) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put((String) pairs[i], pairs[i + 1]);
		}
		return map;
	}

	static ApiClient.Response post(ApiClient api, String path, String token, Object body) {
		return api.post(path, token, body);
	}
}
