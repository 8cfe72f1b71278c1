package org.zhizhi.shared.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A hot standby of an embedded PostgreSQL, made the way pg_basebackup would make it, with nothing but the embedded
 * bundle (initdb, pg_ctl, postgres — no pg_basebackup, and Debian's is too old for a 17 server): a physical replication
 * slot so that the primary keeps its WAL, a low-level base backup ({@code pg_backup_start}, a copy of the data
 * directory, {@code pg_backup_stop} and its backup label), then {@code standby.signal} and {@code primary_conninfo}; the
 * standby streams from the primary from then on.
 */
final class Standby implements AutoCloseable {

	private static final String SLOT = "zhizhi_replica";

	/** What a base backup leaves out (the PostgreSQL documentation's list, and the embedded server's own lock). */
	private static final Set<String> SKIPPED_FILES = Set.of("postmaster.pid", "postmaster.opts", "epg-lock",
			"backup_label", "tablespace_map", "pg_internal.init");

	private static final Set<String> EMPTIED_DIRECTORIES = Set.of("pg_wal", "pg_replslot", "pg_stat_tmp",
			"pg_dynshmem", "pg_notify", "pg_serial", "pg_snapshots", "pg_subtrans");

	private final EmbeddedPostgres server;

	private final Path directory;

	private final JdbcTemplate superuser;

	private final JdbcTemplate primary;

	private boolean closed;

	private Standby(EmbeddedPostgres server, Path directory, JdbcTemplate primary) {
		this.server = server;
		this.directory = directory;
		this.superuser = new JdbcTemplate(server.getPostgresDatabase());
		this.primary = primary;
	}

	/** A standby of the primary, listening on the port; returns once it accepts (read-only) connections. */
	static Standby of(EmbeddedPostgres primaryServer, int port) throws IOException, SQLException {
		JdbcTemplate primary = new JdbcTemplate(primaryServer.getPostgresDatabase());
		Path source = Path.of(primary.queryForObject("SHOW data_directory", String.class));
		// created 0700, as PostgreSQL wants its data directory
		Path target = Files.createTempDirectory("zhizhi-replica-");
		primary.queryForList("SELECT pg_create_physical_replication_slot(?, true)", SLOT);
		// a non-exclusive backup lasts as long as the session that started it
		try (Connection session = primaryServer.getPostgresDatabase().getConnection();
				Statement statement = session.createStatement()) {
			statement.execute("SELECT pg_backup_start('zhizhi-replica', true)");
			copy(source, target);
			try (ResultSet stop = statement.executeQuery("SELECT labelfile FROM pg_backup_stop(false)")) {
				stop.next();
				Files.writeString(target.resolve("backup_label"), stop.getString(1), StandardCharsets.UTF_8);
			}
		}
		Files.createFile(target.resolve("standby.signal"));
		// in the auto.conf, as pg_basebackup -R writes them: the embedded server's -c options would split at the spaces
		Files.writeString(target.resolve("postgresql.auto.conf"), """

				primary_conninfo = 'host=localhost port=%d user=postgres application_name=zhizhi_replica'
				primary_slot_name = '%s'
				""".formatted(primaryServer.getPort(), SLOT), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
		EmbeddedPostgres server = EmbeddedPostgres.builder()
			.setDataDirectory(target)
			.setCleanDataDirectory(false) // true would run initdb over the copy
			.setPort(port)
			.setPGStartupWait(Duration.ofSeconds(120))
			.start();
		return new Standby(server, target, primary);
	}

	int port() {
		return server.getPort();
	}

	/** Stops replaying the WAL it receives (as a standby busy with a long query, or a slow disk, would fall behind). */
	void pauseReplay() {
		superuser.queryForList("SELECT pg_wal_replay_pause()");
		while (!"paused".equals(superuser.queryForObject("SELECT pg_get_wal_replay_pause_state()", String.class))) {
			Thread.onSpinWait();
		}
	}

	void resumeReplay() {
		superuser.queryForList("SELECT pg_wal_replay_resume()");
	}

	/** Whether everything the primary has written by now has been replayed here. */
	boolean caughtUp() {
		String written = primary.queryForObject("SELECT pg_current_wal_lsn()::text", String.class);
		return Boolean.TRUE.equals(superuser.queryForObject("SELECT pg_last_wal_replay_lsn() >= ?::pg_lsn",
				Boolean.class, written));
	}

	/** How long the primary's latest write takes to become visible here: polled every millisecond. */
	Duration replayDelay() {
		String written = primary.queryForObject("SELECT pg_current_wal_lsn()::text", String.class);
		long start = System.nanoTime();
		while (!Boolean.TRUE.equals(superuser.queryForObject("SELECT pg_last_wal_replay_lsn() >= ?::pg_lsn",
				Boolean.class, written))) {
			try {
				Thread.sleep(1);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		return Duration.ofNanos(System.nanoTime() - start);
	}

	/** Stops the standby and removes its files; a second call (the context's, after a test stopped it) does nothing. */
	@Override
	public synchronized void close() throws IOException {
		if (closed) {
			return;
		}
		closed = true;
		server.close();
		try (Stream<Path> files = Files.walk(directory)) {
			files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		primary.queryForList("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = ?",
				SLOT);
	}

	/** The data directory as the files are now; files that vanish meanwhile (a dropped table) are simply not there. */
	private static void copy(Path source, Path target) throws IOException {
		Files.walkFileTree(source, new SimpleFileVisitor<>() {

			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
				Path copy = target.resolve(source.relativize(dir).toString());
				Files.createDirectories(copy);
				if (EMPTIED_DIRECTORIES.contains(dir.getFileName().toString()) && !dir.equals(source)) {
					if (dir.getFileName().toString().equals("pg_wal")) {
						Files.createDirectories(copy.resolve("archive_status"));
					}
					return FileVisitResult.SKIP_SUBTREE;
				}
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
				if (!SKIPPED_FILES.contains(file.getFileName().toString())) {
					try {
						Files.copy(file, target.resolve(source.relativize(file).toString()),
								StandardCopyOption.COPY_ATTRIBUTES);
					}
					catch (NoSuchFileException vanished) {
						// the WAL replayed from the backup's start recreates or drops it
					}
				}
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
				if (e instanceof NoSuchFileException) {
					return FileVisitResult.CONTINUE;
				}
				throw new UncheckedIOException(e);
			}
		});
	}
}
