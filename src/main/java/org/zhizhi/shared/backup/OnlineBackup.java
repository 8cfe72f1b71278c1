package org.zhizhi.shared.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.sql.DataSource;

/**
 * A backup of a running PostgreSQL server and the platform's files, taken as PostgreSQL's "Making a Base Backup Using
 * the Low Level API" says, with nothing but SQL and file copies (the embedded bundle has no pg_basebackup, and
 * Debian's client is too old for a 17 server):
 * <ol>
 * <li>on one session, held open to the end: a temporary physical replication slot reserving the WAL from now on, so no
 * checkpoint recycles a segment the backup needs; then {@code pg_backup_start(label, true)} (an immediate
 * checkpoint);</li>
 * <li>{@link #copyDatabase}: the data directory as its files are, while the platform writes on — pages torn by a
 * concurrent write are rewritten by the WAL replayed at the restore (full-page writes are forced during a backup);
 * {@code pg_wal}, {@code pg_replslot} and the other directories the documentation names are kept empty, and
 * {@code postmaster.pid}, {@code postmaster.opts} and the embedded server's {@code epg-lock} are left out;</li>
 * <li>{@link #stop}: {@code pg_backup_stop(false)} — it ends the backup, switches to a new WAL segment and answers the
 * {@code backup_label} (and tablespace map) to write into the copy; then every WAL segment from the backup's start to
 * its stop, all of which the slot kept. The restored server replays them at its first start, so the backup is the
 * database at the stop's position;</li>
 * <li>{@link #copyFiles}: the photo and document stores. Their files are written before the row that names them
 * commits, and never changed, so a copy made after the stop holds every file the backed-up database names.</li>
 * </ol>
 * Every file is hashed as it is copied; {@link #finish} writes the manifest. Closing the session drops the slot (and
 * aborts a backup not stopped). The session must be a superuser's (or hold {@code pg_backup_start},
 * {@code pg_backup_stop} and REPLICATION): the platform's own role has none of them.
 */
public final class OnlineBackup implements AutoCloseable {

	/** What a base backup leaves out: the documentation's list, and the embedded server's own lock. */
	private static final Set<String> SKIPPED_FILES = Set.of("postmaster.pid", "postmaster.opts", "epg-lock",
			"backup_label", "tablespace_map", "pg_internal.init");

	/** Directories copied empty: their content is made anew at start (or, for pg_wal, copied after the stop). */
	private static final Set<String> EMPTIED_DIRECTORIES = Set.of("pg_wal", "pg_replslot", "pg_stat_tmp",
			"pg_dynshmem", "pg_notify", "pg_serial", "pg_snapshots", "pg_subtrans");

	private static final Pattern START_WAL = Pattern.compile("START WAL LOCATION: \\S+ \\(file ([0-9A-F]{24})\\)");

	private static final Pattern WAL_SEGMENT = Pattern.compile("[0-9A-F]{24}");

	private final Connection session;

	private final Clock clock;

	private final BackupFiles files;

	private final Path dataDirectory;

	private final String label;

	private final Instant startedAt;

	private final String startLsn;

	private Instant stoppedAt;

	private String stopLsn;

	private String startWalFile;

	private String stopWalFile;

	private OnlineBackup(Connection session, Path target, Clock clock) throws SQLException {
		this.session = session;
		this.clock = clock;
		this.files = new BackupFiles(target);
		this.dataDirectory = Path.of(text("SHOW data_directory"));
		// reserved before the start: the WAL from here on stays until this session ends
		text("""
				SELECT slot_name
				  FROM pg_create_physical_replication_slot('zhizhi_backup_' || pg_backend_pid(), true, true)""");
		this.startedAt = clock.instant();
		this.label = "zhizhi " + startedAt;
		try (var start = session.prepareStatement("SELECT pg_backup_start(?, true)::text")) {
			start.setString(1, label);
			try (ResultSet rs = start.executeQuery()) {
				rs.next();
				this.startLsn = rs.getString(1);
			}
		}
	}

	/**
	 * Starts a backup into {@code target}, which must be absent or empty, on a session of its own from
	 * {@code superuser}.
	 */
	public static OnlineBackup start(DataSource superuser, Path target, Clock clock) throws IOException, SQLException {
		requireEmpty(target);
		Connection session = superuser.getConnection();
		try {
			session.setAutoCommit(true);
			return new OnlineBackup(session, target, clock);
		}
		catch (SQLException | RuntimeException e) {
			session.close();
			throw e;
		}
	}

	/** The whole backup: database, photos and documents, for a server whose files are on this machine. */
	public static BackupManifest take(DataSource superuser, Path target, Path photos, Path documents, Clock clock)
			throws IOException, SQLException {
		try (OnlineBackup backup = start(superuser, target, clock)) {
			backup.copyDatabase();
			backup.stop();
			backup.copyFiles("photos", photos);
			backup.copyFiles("documents", documents);
			return backup.finish();
		}
	}

	public void copyDatabase() throws IOException {
		files.copyTree(dataDirectory, "postgres",
				dir -> EMPTIED_DIRECTORIES.contains(dir.getFileName().toString()),
				file -> SKIPPED_FILES.contains(file.getFileName().toString())
						|| file.getFileName().toString().startsWith("pgsql_tmp"));
	}

	/** Ends the backup on the server, writes its label into the copy and copies the WAL from start to stop. */
	public void stop() throws IOException, SQLException {
		String labelFile;
		String tablespaceMap;
		try (Statement statement = session.createStatement();
				ResultSet rs = statement.executeQuery("""
						SELECT s.lsn::text, s.labelfile, s.spcmapfile, pg_walfile_name(s.lsn)
						  FROM pg_backup_stop(false) s""")) {
			rs.next();
			stopLsn = rs.getString(1);
			labelFile = rs.getString(2);
			tablespaceMap = rs.getString(3);
			stopWalFile = rs.getString(4);
		}
		stoppedAt = clock.instant();
		files.write("postgres/backup_label", labelFile.getBytes(StandardCharsets.UTF_8));
		if (tablespaceMap != null && !tablespaceMap.isEmpty()) {
			files.write("postgres/tablespace_map", tablespaceMap.getBytes(StandardCharsets.UTF_8));
		}
		Matcher start = START_WAL.matcher(labelFile);
		if (!start.find()) {
			throw new IllegalStateException("no START WAL LOCATION in the backup label: " + labelFile);
		}
		startWalFile = start.group(1);
		copyWal(Long.parseLong(text("SELECT setting FROM pg_settings WHERE name = 'wal_segment_size'")));
	}

	/**
	 * The segments from the start's to the stop's, all present (the slot kept them) and without a gap; a segment
	 * switched to after the stop is not needed and is left out.
	 */
	private void copyWal(long segmentBytes) throws IOException {
		Path wal = dataDirectory.resolve("pg_wal");
		List<Path> segments;
		try (Stream<Path> listed = Files.list(wal)) {
			segments = listed.filter(file -> WAL_SEGMENT.matcher(file.getFileName().toString()).matches())
				.filter(file -> between(file.getFileName().toString(), startWalFile, stopWalFile))
				.sorted()
				.toList();
		}
		long expected = segmentNumber(stopWalFile, segmentBytes) - segmentNumber(startWalFile, segmentBytes) + 1;
		if (segments.size() != expected) {
			throw new IOException("the WAL from " + startWalFile + " to " + stopWalFile + " should be " + expected
					+ " segments, pg_wal holds " + segments.size());
		}
		files.directory("postgres/pg_wal/archive_status");
		for (Path segment : segments) {
			if (files.copyIn(segment, "postgres/pg_wal/" + segment.getFileName()).isEmpty()) {
				throw new IOException("WAL segment " + segment + " vanished during the backup");
			}
		}
	}

	/** A file store copied as {@code top/…}; temporary files of a write under way are left out. */
	public void copyFiles(String top, Path store) throws IOException {
		Predicate<Path> partial = file -> {
			String name = file.getFileName().toString();
			return name.startsWith(".partial-") || name.endsWith(".part") || name.endsWith(".tmp");
		};
		files.copyTree(store, top, dir -> false, partial);
	}

	/** Writes the manifest (and the checksums beside it): from now on the backup is complete. */
	public BackupManifest finish() throws IOException, SQLException {
		if (stopLsn == null) {
			throw new IllegalStateException("the backup was not stopped");
		}
		BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, label, startedAt, stoppedAt,
				clock.instant(), text("SHOW server_version"),
				text("SELECT system_identifier::text FROM pg_control_system()"), Integer.parseInt(startWalFile
					.substring(0, 8), 16), startLsn, stopLsn, startWalFile, stopWalFile, files.totalBytes(),
				files.directories(), files.files());
		manifest.write(files.backup());
		return manifest;
	}

	/** Ends the session: the slot goes, and a backup that was not stopped is aborted by the server. */
	@Override
	public void close() throws SQLException {
		session.close();
	}

	private String text(String sql) throws SQLException {
		try (Statement statement = session.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}

	/** Same timeline, and within the range (segment names of one timeline sort as their positions). */
	private static boolean between(String name, String first, String last) {
		return name.substring(0, 8).equals(first.substring(0, 8)) && name.compareTo(first) >= 0
				&& name.compareTo(last) <= 0;
	}

	private static long segmentNumber(String name, long segmentBytes) {
		long log = Long.parseLong(name.substring(8, 16), 16);
		long segment = Long.parseLong(name.substring(16, 24), 16);
		return log * (0x1_0000_0000L / segmentBytes) + segment;
	}

	static void requireEmpty(Path directory) throws IOException {
		if (Files.exists(directory)) {
			try (Stream<Path> entries = Files.list(directory)) {
				if (entries.findAny().isPresent()) {
					throw new IOException(directory + " is not empty");
				}
			}
		}
		Files.createDirectories(directory);
	}
}
