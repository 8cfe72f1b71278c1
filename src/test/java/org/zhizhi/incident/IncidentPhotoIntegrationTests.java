package org.zhizhi.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.ApiClient.Response;
import org.zhizhi.ZhizhiIntegrationTest;

/** A grid worker adds a photo to an incident; only those who see the incident see the photo, without metadata. */
@ZhizhiIntegrationTest
class IncidentPhotoIntegrationTests {

	static final HttpClient HTTP = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void aPhotoIsAddedToTheTimelineAndServedWithoutMetadataInScopeOnly() throws Exception {
		ApiClient api = new ApiClient(port);
		String worker = api.tokenOf("dongcheng-g01");
		UUID incident = report(api, worker);

		HttpResponse<String> added = upload(worker, incident, jpeg(), "manhole.jpg");
		assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
		String photo = added.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");

		HttpResponse<byte[]> image = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/incidents/" + incident + "/photos/"
				+ photo + "?size=thumbnail")).header("Authorization", "Bearer " + worker).build(),
				BodyHandlers.ofByteArray());
		assertThat(image.statusCode()).isEqualTo(200);
		assertThat(image.headers().firstValue("Content-Type")).hasValue("image/jpeg");
		assertThat(image.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(image.body()[0] & 0xFF).isEqualTo(0xFF);
		assertThat(new String(image.body(), StandardCharsets.ISO_8859_1)).doesNotContain("Exif");

		var timeline = api.get("/api/v1/incidents/" + incident, worker).json().path("timeline");
		assertThat(timeline.get(timeline.size() - 1).path("action").asString()).isEqualTo("PHOTO");

		HttpResponse<byte[]> outside = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/incidents/" + incident
				+ "/photos/" + photo)).header("Authorization", "Bearer " + api.tokenOf("mudong")).build(),
				BodyHandlers.ofByteArray());
		assertThat(outside.statusCode()).isEqualTo(404);
	}

	@Test
	void whatIsNotAPhotoIsRefusedWhateverItsName() throws Exception {
		ApiClient api = new ApiClient(port);
		String worker = api.tokenOf("dongcheng-g01");
		UUID incident = report(api, worker);
		byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
			.getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> refused = upload(worker, incident, svg, "photo.jpg");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("PHOTO_UNSUPPORTED_FORMAT");
		assertThat(api.get("/api/v1/incidents/" + incident + "/photos", worker).list()).isEmpty();
	}

	private UUID report(ApiClient api, String token) throws Exception {
		double[] centre = api.centroid("东城社区第1网格");
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("channel", "PATROL");
		body.put("categoryCode", "MANHOLE_COVER");
		body.put("description", "井盖破损，需拍照留证");
		body.put("lat", centre[0]);
		body.put("lng", centre[1]);
		HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/incidents"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.POST(BodyPublishers.ofString(ApiClient.json(body), StandardCharsets.UTF_8))
			.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return UUID.fromString(new Response(created.statusCode(), created.headers(), created.body()).json()
			.path("incident")
			.path("id")
			.asString());
	}

	private HttpResponse<String> upload(String token, UUID incident, byte[] file, String name) throws Exception {
		String boundary = "zz" + UUID.randomUUID();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
				+ "\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(head);
		body.write(file);
		body.write(tail);
		return HTTP.send(HttpRequest.newBuilder(uri("/api/v1/incidents/" + incident + "/photos"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static byte[] jpeg() throws IOException {
		BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.DARK_GRAY);
		g.fillRect(0, 0, 640, 480);
		g.setColor(Color.ORANGE);
		g.fillOval(200, 140, 240, 200);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "jpg", out);
		return out.toByteArray();
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}
}
