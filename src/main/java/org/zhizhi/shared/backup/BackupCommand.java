package org.zhizhi.shared.backup;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The jar's commands besides running the platform, for an installation on the embedded PostgreSQL:
 *
 * <pre>
 * java -jar zhizhi.jar backup  --to DIR [--data-dir D] [--photos P] [--documents Q]
 * java -jar zhizhi.jar verify  --from DIR
 * java -jar zhizhi.jar restore --from DIR --data-dir D
 * </pre>
 *
 * {@code backup} runs beside the running platform (in another process, as an operator or a cron job would): it finds
 * the embedded server by the {@code postmaster.pid} of {@code D/postgres} and connects as its superuser on localhost,
 * which the embedded server trusts; the platform's own role may not take backups. It runs without Spring: a second
 * platform would try to take over the data directory.
 */
public final class BackupCommand {

	private static final Set<String> COMMANDS = Set.of("backup", "verify", "restore");

	private static final String USAGE = """
			usage: java -jar zhizhi.jar backup  --to DIR [--data-dir D] [--photos P] [--documents Q]
			       java -jar zhizhi.jar verify  --from DIR
			       java -jar zhizhi.jar restore --from DIR --data-dir D
			D is the platform's ZHIZHI_DATA_DIR (default ./data); P and Q default to D/photos and D/documents.""";

	private final PrintStream out;

	private BackupCommand(PrintStream out) {
		this.out = out;
	}

	/** Whether the arguments name one of these commands rather than the platform's own options. */
	public static boolean isCommand(String[] args) {
		return args.length > 0 && COMMANDS.contains(args[0]);
	}

	/** Runs the command; answers the process's exit code: 0 done, 1 failed, 2 wrong arguments. */
	public static int run(String[] args, PrintStream out) {
		Map<String, String> options = new HashMap<>();
		for (int i = 1; i < args.length; i += 2) {
			if (!args[i].startsWith("--") || i + 1 >= args.length) {
				out.println(USAGE);
				return 2;
			}
			options.put(args[i].substring(2), args[i + 1]);
		}
		BackupCommand command = new BackupCommand(out);
		try {
			return switch (args[0]) {
				case "backup" -> options.containsKey("to") ? command.backup(options) : command.usage();
				case "verify" -> options.containsKey("from") ? command.verify(Path.of(options.get("from")))
						: command.usage();
				default -> options.containsKey("from") && options.containsKey("data-dir")
						? command.restore(Path.of(options.get("from")), Path.of(options.get("data-dir")))
						: command.usage();
			};
		}
		catch (IOException | SQLException | RuntimeException e) {
			out.println(args[0] + " failed: " + e.getMessage());
			return 1;
		}
	}

	private int usage() {
		out.println(USAGE);
		return 2;
	}

	private int backup(Map<String, String> options) throws IOException, SQLException {
		Path dataDir = Path.of(options.getOrDefault("data-dir", dataDirectoryOfEnvironment()));
		Path postgres = dataDir.resolve("postgres").toAbsolutePath().normalize();
		int port = RunningServer.port(postgres);
		DriverManagerDataSource superuser = new DriverManagerDataSource(
				"jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
		Path target = Path.of(options.get("to"));
		long started = System.nanoTime();
		BackupManifest manifest = OnlineBackup.take(superuser, target,
				Path.of(options.getOrDefault("photos", dataDir.resolve("photos").toString())),
				Path.of(options.getOrDefault("documents", dataDir.resolve("documents").toString())),
				Clock.systemUTC());
		out.printf(Locale.ROOT, "backup of %s (PostgreSQL %s) in %s%n", postgres, manifest.serverVersion(), target);
		out.printf(Locale.ROOT, "  database: WAL %s to %s (%s to %s), stopped at %s%n", manifest.startLsn(),
				manifest.stopLsn(), manifest.startWalFile(), manifest.stopWalFile(), manifest.stoppedAt());
		summary(manifest, "postgres");
		summary(manifest, "photos");
		summary(manifest, "documents");
		out.printf(Locale.ROOT, "  %,d files, %s in %s; %s and %s written%n", manifest.files().size(),
				megabytes(manifest.totalBytes()), seconds(started), BackupManifest.FILE, BackupManifest.SUMS);
		return 0;
	}

	private int verify(Path backup) throws IOException {
		long started = System.nanoTime();
		BackupManifest manifest = BackupManifest.read(backup);
		List<String> damaged = Restore.verify(backup);
		if (!damaged.isEmpty()) {
			out.printf(Locale.ROOT, "%s is damaged: %d of %,d files missing or changed%n", backup, damaged.size(),
					manifest.files().size());
			damaged.forEach(path -> out.println("  " + path));
			return 1;
		}
		out.printf(Locale.ROOT, "%s is intact: %,d files, %s, taken %s (database at %s), checked in %s%n", backup,
				manifest.files().size(), megabytes(manifest.totalBytes()), manifest.startedAt(), manifest.stopLsn(),
				seconds(started));
		return 0;
	}

	private int restore(Path backup, Path dataDir) throws IOException {
		long started = System.nanoTime();
		BackupManifest manifest = Restore.into(backup, dataDir);
		out.printf(Locale.ROOT, "restored %s into %s: %,d files, %s, every checksum matching, in %s%n", backup,
				dataDir, manifest.files().size(), megabytes(manifest.totalBytes()), seconds(started));
		out.printf(Locale.ROOT, "the database is as it stood at %s (WAL %s); it replays its WAL at the first start:%n"
				+ "  ZHIZHI_DATA_DIR=%s java -jar zhizhi.jar%n", manifest.stoppedAt(), manifest.stopLsn(),
				dataDir.toAbsolutePath().normalize());
		return 0;
	}

	private void summary(BackupManifest manifest, String top) {
		List<BackupManifest.BackupFile> files = manifest.filesUnder(top);
		out.printf(Locale.ROOT, "  %-9s %,7d files, %s%n", top + ":", files.size(),
				megabytes(files.stream().mapToLong(BackupManifest.BackupFile::bytes).sum()));
	}

	private static String dataDirectoryOfEnvironment() {
		String configured = System.getenv("ZHIZHI_DATA_DIR");
		return configured == null || configured.isBlank() ? "./data" : configured;
	}

	private static String megabytes(long bytes) {
		return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
	}

	private static String seconds(long startedNanos) {
		Duration took = Duration.ofNanos(System.nanoTime() - startedNanos);
		return String.format(Locale.ROOT, "%.1f s", took.toMillis() / 1000.0);
	}

	/** The embedded server running on a data directory, as its {@code postmaster.pid} tells. */
	static final class RunningServer {

		private RunningServer() {
		}

		static int port(Path dataDirectory) throws IOException {
			Path pidFile = dataDirectory.resolve("postmaster.pid");
			List<String> lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
			if (lines.size() < 4 || ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
				.filter(ProcessHandle::isAlive)
				.isEmpty()) {
				throw new IOException("no PostgreSQL runs on " + dataDirectory + ": the backup is taken while the "
						+ "platform runs (an external database is backed up with pgBackRest, docs/operations.md)");
			}
			return Integer.parseInt(lines.get(3).strip());
		}
	}
}
