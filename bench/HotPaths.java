import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

/**
 * The load driver of bench/hot-paths-vs-raw.sh (issue 16): the two field steps that come in crowds, driven through the
 * API as phones drive them. wrk cannot do either — a claim race needs twenty requests released together on one order,
 * a check-in needs the photo's id from the answer before it — so this is a plain JDK program run from its source
 * (`java bench/HotPaths.java …`), no dependencies.
 *
 * <pre>
 * orders  BASE N POINT_LAT POINT_LNG FILE   N incidents reported in the grid and whistled as quick orders (抢单) by its
 *                                          grid leader, ids into FILE (setup, not measured)
 * claim   BASE ORDERS_FILE WINNERS_FILE     for each order, 20 claims released at once by the party members of 东城社区
 *                                          (five each): exactly one must win; "order winner" lines into WINNERS_FILE
 * checkin BASE WINNERS_FILE LAT LNG C        each winner adds a phone-sized photo and checks in on site with it, C at once
 * </pre>
 *
 * Prints one line "ops=… seconds=… rate=… p50=… p99=… failures=…" the shell script reads (latencies in ms).
 */
class HotPaths {

	static final String PASSWORD = "Zhizhi@2026";
	static final String LEADER = "dongcheng-g01";
	static final List<String> MEMBERS = List.of("dangyuan01", "dangyuan02", "dangyuan03", "dangyuan04");
	static final int CLAIMANTS = 20;
	static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");
	static final Pattern INCIDENT_ID = Pattern.compile("\"incident\":\\{\"id\":\"([0-9a-f-]+)\"");
	static final Pattern FIRST_ID = Pattern.compile("\"id\":\"([0-9a-f-]+)\"");

	static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	public static void main(String[] args) throws Exception {
		String base = args[1];
		switch (args[0]) {
			case "orders" -> orders(base, Integer.parseInt(args[2]), Double.parseDouble(args[3]),
					Double.parseDouble(args[4]), Path.of(args[5]));
			case "claim" -> claim(base, Path.of(args[2]), Path.of(args[3]));
			case "checkin" -> checkIn(base, Path.of(args[2]), Double.parseDouble(args[3]), Double.parseDouble(args[4]),
					Integer.parseInt(args[5]));
			default -> throw new IllegalArgumentException("orders, claim or checkin, not " + args[0]);
		}
	}

	static void orders(String base, int n, double lat, double lng, Path file) throws Exception {
		String leader = token(base, LEADER);
		ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();
		AtomicInteger next = new AtomicInteger();
		try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
			for (int t = 0; t < 8; t++) {
				pool.submit(() -> {
					for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
						String body = String.format(
								"{\"channel\":\"PATROL\",\"categoryCode\":\"SANITATION_BLACKSPOT\","
										+ "\"description\":\"抢单压测 %d\",\"lat\":%.7f,\"lng\":%.7f}", i, lat, lng);
						String id = match(INCIDENT_ID, send(post(base + "/api/v1/incidents", leader, body)
							.header("Idempotency-Key", "orders-" + System.nanoTime() + "-" + i).build(), 201));
						step(base, leader, id, "accept", "{}");
						step(base, leader, id, "triage", "{\"triage\":\"COMMUNITY\"}");
						step(base, leader, id, "whistle", "{\"type\":\"QUICK\"}");
						ids.add(id);
					}
					return null;
				});
			}
		}
		Files.write(file, ids);
	}

	/** One race after another: each order's twenty claims leave together, the next race starts when all answered. */
	static void claim(String base, Path ordersFile, Path winnersFile) throws Exception {
		List<String> orders = Files.readAllLines(ordersFile);
		List<String> tokens = new ArrayList<>();
		for (String member : MEMBERS) {
			tokens.add(token(base, member));
		}
		List<Long> latencies = new ArrayList<>();
		List<String> winners = new ArrayList<>();
		int failures = 0;
		long started = System.nanoTime();
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			for (String order : orders) {
				CountDownLatch go = new CountDownLatch(1);
				List<Future<long[]>> answers = new ArrayList<>();
				for (int c = 0; c < CLAIMANTS; c++) {
					int member = c % tokens.size();
					answers.add(pool.submit(() -> {
						HttpRequest request = post(base + "/api/v1/incidents/" + order + "/claim", tokens.get(member),
								"{}").build();
						go.await();
						long t0 = System.nanoTime();
						HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
						return new long[] { response.statusCode(), System.nanoTime() - t0, member };
					}));
				}
				go.countDown();
				int won = 0;
				int lost = 0;
				int winner = -1;
				for (Future<long[]> answer : answers) {
					long[] a = answer.get();
					latencies.add(a[1]);
					if (a[0] == 200) {
						won++;
						winner = (int) a[2];
					}
					else if (a[0] == 409) {
						lost++;
					}
				}
				if (won != 1 || lost != CLAIMANTS - 1) {
					failures++;
					System.err.printf("order %s: %d won, %d refused with 409 (of %d)%n", order, won, lost, CLAIMANTS);
				}
				else {
					winners.add(order + " " + MEMBERS.get(winner));
				}
			}
		}
		Files.write(winnersFile, winners);
		print(latencies, System.nanoTime() - started, failures);
	}

	/** C phones at once, each: its photo up (multipart), then the check-in naming it. */
	static void checkIn(String base, Path winnersFile, double lat, double lng, int concurrency) throws Exception {
		List<String[]> work = Files.readAllLines(winnersFile).stream().map(l -> l.split(" ")).toList();
		List<String> tokens = new ArrayList<>();
		for (String member : MEMBERS) {
			tokens.add(token(base, member));
		}
		byte[] photo = phonePhoto();
		System.err.printf("check-in photo: %d×%d JPEG, %d kB%n", 1600, 1200, photo.length / 1024);
		ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
		AtomicInteger failures = new AtomicInteger();
		AtomicInteger next = new AtomicInteger();
		long started = System.nanoTime();
		try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
			for (int t = 0; t < concurrency; t++) {
				pool.submit(() -> {
					for (int i = next.getAndIncrement(); i < work.size(); i = next.getAndIncrement()) {
						String order = work.get(i)[0];
						String token = tokens.get(MEMBERS.indexOf(work.get(i)[1]));
						long t0 = System.nanoTime();
						try {
							String boundary = "zz" + System.nanoTime();
							ByteArrayOutputStream body = new ByteArrayOutputStream();
							body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; "
									+ "filename=\"p.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n")
								.getBytes(StandardCharsets.UTF_8));
							body.write(photo);
							body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
							String photoId = match(FIRST_ID, send(HttpRequest
								.newBuilder(URI.create(base + "/api/v1/incidents/" + order + "/photos"))
								.header("Authorization", "Bearer " + token)
								.header("Content-Type", "multipart/form-data; boundary=" + boundary)
								.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
								.build(), 201));
							step(base, token, order, "check-in", String.format(
									"{\"lat\":%.7f,\"lng\":%.7f,\"photoIds\":[\"%s\"]}", lat, lng, photoId));
							latencies.add(System.nanoTime() - t0);
						}
						catch (Exception e) {
							failures.incrementAndGet();
							System.err.println("order " + order + ": " + e.getMessage());
						}
					}
					return null;
				});
			}
		}
		print(new ArrayList<>(latencies), System.nanoTime() - started, failures.get());
	}

	/** A phone's photo of a street: 1600×1200, with enough detail that the JPEG weighs what a real one does. */
	static byte[] phonePhoto() throws IOException {
		BufferedImage image = new BufferedImage(1600, 1200, BufferedImage.TYPE_INT_RGB);
		Random random = new Random(16);
		Graphics2D g = image.createGraphics();
		for (int i = 0; i < 4000; i++) {
			g.setColor(new Color(random.nextInt(0xFFFFFF)));
			g.fillRect(random.nextInt(1600), random.nextInt(1200), 4 + random.nextInt(60), 4 + random.nextInt(60));
		}
		g.dispose();
		ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
		ImageIO.write(image, "jpg", jpeg);
		return jpeg.toByteArray();
	}

	static void print(List<Long> latencies, long nanos, int failures) {
		long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
		double seconds = nanos / 1e9;
		System.out.printf("ops=%d seconds=%.2f rate=%.1f p50=%.2f p99=%.2f failures=%d%n", sorted.length, seconds,
				sorted.length / seconds, quantile(sorted, 0.50), quantile(sorted, 0.99), failures);
	}

	static double quantile(long[] sorted, double q) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int i = Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1));
		return sorted[i] / 1e6;
	}

	static String token(String base, String username) throws Exception {
		return match(TOKEN, send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}"))
			.build(), 200));
	}

	static void step(String base, String token, String id, String step, String body) throws Exception {
		send(post(base + "/api/v1/incidents/" + id + "/" + step, token, body).build(), 200);
	}

	static HttpRequest.Builder post(String url, String token, String json) {
		return HttpRequest.newBuilder(URI.create(url))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
	}

	static String send(HttpRequest request, int expected) throws Exception {
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != expected) {
			throw new IllegalStateException(request.method() + " " + request.uri().getPath() + " answered "
					+ response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	static String match(Pattern pattern, String text) {
		Matcher m = pattern.matcher(text);
		if (!m.find()) {
			throw new IllegalStateException("no " + pattern + " in " + text);
		}
		return m.group(1);
	}
}
