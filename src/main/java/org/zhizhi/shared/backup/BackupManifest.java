package org.zhizhi.shared.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a backup holds ({@value #FILE} at its top): when it was taken, the database's position — the WAL from
 * {@code startLsn} to {@code stopLsn} on {@code timeline} of the server {@code systemIdentifier}; the restored database
 * is the database as it stood at {@code stopLsn} — and every directory and file, each file with its size and SHA-256.
 * The same checksums are written as {@value #SUMS} for {@code sha256sum -c}.
 *
 * @param format the manifest's own version, raised when a field changes meaning
 * @param label the label given to {@code pg_backup_start}, seen in the server's log and in {@code backup_label}
 * @param startedAt when {@code pg_backup_start} was called
 * @param stoppedAt when {@code pg_backup_stop} returned: every transaction committed before it is in the backup
 * @param finishedAt when the last file (photos, documents) was copied
 * @param totalBytes the sum of the files' sizes
 */
public record BackupManifest(int format, String label, Instant startedAt, Instant stoppedAt, Instant finishedAt,
		String serverVersion, String systemIdentifier, int timeline, String startLsn, String stopLsn,
		String startWalFile, String stopWalFile, long totalBytes, List<String> directories, List<BackupFile> files) {

	public static final String FILE = "manifest.json";

	public static final String SUMS = "SHA256SUMS";

	static final int FORMAT = 1;

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	/**
	 * One file of the backup.
	 *
	 * @param path relative to the backup's top, with {@code /} between names: {@code postgres/base/5/1259},
	 *     {@code photos/3f/0192…3f}
	 */
	public record BackupFile(String path, long bytes, String sha256) {
	}

	public static BackupManifest read(Path backup) throws IOException {
		Path file = backup.resolve(FILE);
		if (!Files.isRegularFile(file)) {
			throw new IOException(backup + " holds no " + FILE + ": not a backup, or one that did not finish");
		}
		return JSON.readValue(file.toFile(), BackupManifest.class);
	}

	/** The checksums first, then the manifest: a backup whose manifest is there is complete. */
	void write(Path backup) throws IOException {
		StringBuilder sums = new StringBuilder();
		for (BackupFile file : files) {
			sums.append(file.sha256()).append("  ").append(file.path()).append('\n');
		}
		Files.writeString(backup.resolve(SUMS), sums);
		JSON.writeValue(backup.resolve(FILE).toFile(), this);
	}

	/** The files under one top directory ({@code photos}, {@code documents}, {@code postgres}). */
	public List<BackupFile> filesUnder(String top) {
		return files.stream().filter(file -> file.path().startsWith(top + "/")).toList();
	}
}
