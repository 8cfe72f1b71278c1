package org.zhizhi.shared.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhizhi.ApiClient;
import org.zhizhi.ZhizhiApplication;
import org.zhizhi.ZhizhiIntegrationTest;
import org.zhizhi.media.Documents;
import org.zhizhi.media.PhotoStore;
import org.zhizhi.media.store.FileSystemPhotoStore;
import org.zhizhi.shared.Sha256;
import org.zhizhi.shared.backup.BackupManifest.BackupFile;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The restore drill (issue 20), as an operator would run it, on the platform with the demo district: residents report
 * with a photo each from two threads while an online backup is taken; they go on after it; the backup is restored into
 * a fresh data directory and a second platform starts on it. Every report answered before the backup's stop is there
 * with its photo (its bytes those the manifest names), none sent after the backup finished is, every photo the
 * restored database names has its files, and the audit chain verifies. The figures are logged for
 * docs/performance.md ("Backup and restore"):
 *
 * <pre>
 * ./mvnw -o verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=BackupRestoreDrillIntegrationTests \
 *   | grep -E 'drill:|Tests run'
 * </pre>
 */
@ZhizhiIntegrationTest
class BackupRestoreDrillIntegrationTests {

	private static final Logger log = LoggerFactory.getLogger(BackupRestoreDrillIntegrationTests.class);

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private static final String GRID = "东城社区第1网格";

	@LocalServerPort
	int port;

	@Autowired
	EmbeddedPostgres postgres;

	@Autowired
	PhotoStore photoStore;

	@Autowired
	Documents documents;

	@TempDir
	Path temp;

	/** A report the platform answered, with its photo, and when each answer came (System.nanoTime). */
	record Acknowledged(String incident, long sentAt, long reportedAt, String photo, long photoAt) {
	}

	@Test
	void restoresEveryReportAnsweredBeforeTheBackupsStopWithItsPhotoAndTheAuditChain() throws Exception {
		ApiClient api = new ApiClient(port);
		String resident = api.tokenOf("jumin01");
		double[] spot = api.centroid(GRID);
		ConcurrentLinkedQueue<Acknowledged> answered = new ConcurrentLinkedQueue<>();
		for (int k = 0; k < 10; k++) {
			answered.add(report(api, port, resident, spot, "演练：备份前 " + k));
		}

		AtomicBoolean writing = new AtomicBoolean(true);
		ExecutorService writers = Executors.newFixedThreadPool(2);
		List<Future<?>> running = new ArrayList<>();
		for (int w = 0; w < 2; w++) {
			int writer = w;
			running.add(writers.submit(() -> {
				for (int k = 0; writing.get(); k++) {
					answered.add(report(api, port, resident, spot, "演练：写入中 " + writer + "-" + k));
				}
				return null;
			}));
		}
		await().atMost(Duration.ofMinutes(2)).until(() -> answered.size() >= 20);

		Path backupDirectory = temp.resolve("backup");
		JdbcTemplate superuser = new JdbcTemplate(postgres.getPostgresDatabase());
		long auditBefore = superuser.queryForObject("SELECT count(*) FROM identity.audit_entry", Long.class);
		long backupStarted = System.nanoTime();
		long stopCalled;
		long stopReturned;
		BackupManifest manifest;
		try (OnlineBackup backup = OnlineBackup.start(postgres.getPostgresDatabase(), backupDirectory,
				Clock.systemUTC())) {
			backup.copyDatabase();
			stopCalled = System.nanoTime();
			backup.stop();
			stopReturned = System.nanoTime();
			backup.copyFiles("photos", ((FileSystemPhotoStore) photoStore).root());
			backup.copyFiles("documents", documents.folder());
			manifest = backup.finish();
		}
		long backupFinished = System.nanoTime();
		int answeredByTheEnd = answered.size();
		await().atMost(Duration.ofMinutes(2)).until(() -> answered.size() >= answeredByTheEnd + 10);
		writing.set(false);
		for (Future<?> writer : running) {
			writer.get();
		}
		writers.shutdown();

		assertThat(Restore.verify(backupDirectory)).as("files of the backup against its manifest").isEmpty();
		Path dataDirectory = temp.resolve("restored");
		long restoreStarted = System.nanoTime();
		Restore.into(backupDirectory, dataDirectory);
		long restored = System.nanoTime();
		try (ConfigurableApplicationContext platform = startOn(dataDirectory)) {
			long started = System.nanoTime();
			// PostgreSQL renames the label once it has replayed the backup's WAL from the label's checkpoint
			assertThat(dataDirectory.resolve("postgres/backup_label.old")).as("recovery from the backup label").exists();
			assertThat(dataDirectory.resolve("postgres/backup_label")).doesNotExist();
			int restoredPort = platform.getEnvironment().getProperty("local.server.port", Integer.class);
			ApiClient restoredApi = new ApiClient(restoredPort);
			JdbcTemplate restoredDatabase = new JdbcTemplate(platform.getBean(EmbeddedPostgres.class)
				.getPostgresDatabase());

			List<Acknowledged> reportedBeforeStop = answered.stream().filter(a -> a.reportedAt() < stopCalled).toList();
			List<Acknowledged> beforeStop = answered.stream().filter(a -> a.photoAt() < stopCalled).toList();
			List<Acknowledged> afterBackup = answered.stream().filter(a -> a.sentAt() > stopReturned).toList();
			Set<String> incidents = present(restoredDatabase, "incident.incident",
					answered.stream().map(Acknowledged::incident).toList());
			assertThat(incidents).as("every report answered before the backup's stop")
				.containsAll(reportedBeforeStop.stream().map(Acknowledged::incident).toList());
			assertThat(incidents).as("no report sent after the backup's stop")
				.doesNotContainAnyElementsOf(afterBackup.stream().map(Acknowledged::incident).toList());

			Map<String, String> photoSums = manifest.filesUnder("photos").stream()
				.collect(Collectors.toMap(file -> Path.of(file.path()).getFileName().toString(), BackupFile::sha256));
			String restoredResident = restoredApi.login("jumin01", ApiClient.DEMO_PASSWORD);
			for (Acknowledged report : beforeStop) {
				byte[] served = photo(restoredPort, report.incident(), report.photo(), restoredResident);
				assertThat(Sha256.hex(served)).as("photo %s served by the restored platform", report.photo())
					.isEqualTo(photoSums.get(report.photo()));
			}
			for (String photo : restoredDatabase.queryForList("SELECT id::text FROM media.photo", String.class)) {
				assertThat(photoSums).as("files of photo %s, which the restored database names", photo)
					.containsKeys(photo, photo + ".thumb");
			}
			for (BackupFile file : manifest.filesUnder("photos")) {
				assertThat(Sha256.hex(Files.readAllBytes(dataDirectory.resolve(file.path())))).as(file.path())
					.isEqualTo(file.sha256());
			}

			var chain = restoredApi.get("/api/v1/audit-entries/chain",
					restoredApi.login("auditor", ApiClient.DEMO_PASSWORD)).json();
			assertThat(chain.path("intact").asBoolean()).as("audit chain of the restored platform: %s", chain).isTrue();
			assertThat(chain.path("checked").asLong()).isGreaterThanOrEqualTo(auditBefore);

			log.info(String.format(Locale.ROOT, """
					drill: backup %.1f s (database copy and WAL %.1f s, then photos and documents), %,d files, %.1f MB \
					(database %.1f MB, photos %d files %.1f MB); restore %.1f s; restored platform started in %.1f s; \
					reports answered before the stop %d, all %d found (%d with their photo); sent after it %d, none \
					found; answered during the backup %d; audit chain intact over %d entries""",
					seconds(backupStarted, backupFinished), seconds(backupStarted, stopReturned),
					manifest.files().size(), mb(manifest.totalBytes()), mb(bytes(manifest.filesUnder("postgres"))),
					manifest.filesUnder("photos").size(), mb(bytes(manifest.filesUnder("photos"))),
					seconds(restoreStarted, restored), seconds(restored, started), reportedBeforeStop.size(),
					reportedBeforeStop.stream().filter(a -> incidents.contains(a.incident())).count(), beforeStop.size(),
					afterBackup.size(), answered.stream().filter(a -> a.sentAt() > backupStarted
							&& a.photoAt() < backupFinished).count(), chain.path("checked").asLong()));
		}
	}

	/** A resident's 随手拍 and its photo; answered when both are. */
	private static Acknowledged report(ApiClient api, int port, String token, double[] spot, String description)
			throws IOException, InterruptedException {
		long sent = System.nanoTime();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/incidents"))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.POST(BodyPublishers.ofString(ApiClient.json(Map.of("channel", "RESIDENT_APP", "categoryCode", "OTHER",
					"description", description, "lat", spot[0], "lng", spot[1])), StandardCharsets.UTF_8))
			.build();
		var response = HTTP.send(request, BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		long reported = System.nanoTime();
		String incident = new ApiClient.Response(response.statusCode(), response.headers(), response.body()).json()
			.path("incident")
			.path("id")
			.asString();
		String photo = api.uploadPhoto(token, incident);
		return new Acknowledged(incident, sent, reported, photo, System.nanoTime());
	}

	/**
	 * The platform started on the restored data directory as {@code java -jar} would, in this JVM; the test classes'
	 * own configurations are kept out of its scan as a Spring Boot test keeps them out of its own.
	 */
	private static ConfigurableApplicationContext startOn(Path dataDirectory) {
		return new SpringApplicationBuilder(ZhizhiApplication.class)
			.initializers(context -> context.getBeanFactory()
				.registerSingleton("testClassesExcluded", new TestClassesExcluded()))
			.run("--zhizhi.data-dir=" + dataDirectory, "--server.port=0", "--management.server.port=0",
					"--spring.main.banner-mode=off", "--zhizhi.incident.sweep-interval=3650d",
					"--zhizhi.incident.kpi.fold-interval=3650d");
	}

	/** What a Spring Boot test leaves out of its scan: test components and the classes inside test classes. */
	static final class TestClassesExcluded extends TypeExcludeFilter {

		@Override
		public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
			return reader.getAnnotationMetadata().hasMetaAnnotation(TestComponent.class.getName())
					|| reader.getAnnotationMetadata().hasAnnotation(TestComponent.class.getName())
					|| reader.getClassMetadata().getClassName().matches(".*Tests(\\$.*)?");
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof TestClassesExcluded;
		}

		@Override
		public int hashCode() {
			return TestClassesExcluded.class.hashCode();
		}
	}

	private static Set<String> present(JdbcTemplate database, String table, Collection<String> ids) {
		return Set.copyOf(database.queryForList("SELECT id::text FROM " + table + " WHERE id = ANY (?::uuid[])",
				String.class, (Object) ids.toArray(String[]::new)));
	}

	private static long bytes(List<BackupFile> files) {
		return files.stream().mapToLong(BackupFile::bytes).sum();
	}

	private static double seconds(long from, long to) {
		return (to - from) / 1e9;
	}

	private static double mb(long bytes) {
		return bytes / 1e6;
	}

	/** A photo's bytes as the platform serves them to the token's owner. */
	private static byte[] photo(int port, String incident, String photo, String token)
			throws IOException, InterruptedException {
		var response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/incidents/"
				+ incident + "/photos/" + photo)).header("Authorization", "Bearer " + token).build(),
				BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).as("photo %s of the restored platform", photo).isEqualTo(200);
		return response.body();
	}
}
