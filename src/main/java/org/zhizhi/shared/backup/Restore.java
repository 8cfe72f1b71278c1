package org.zhizhi.shared.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.zhizhi.shared.backup.BackupManifest.BackupFile;

/**
 * A backup laid out as a fresh data directory ({@code ZHIZHI_DATA_DIR}): {@code postgres/}, {@code photos/},
 * {@code documents/}. Each file is checked against the manifest's SHA-256 as it is copied; one that does not match
 * undoes the whole restore, so a damaged backup never becomes a data directory. The database comes back at its first
 * start: PostgreSQL finds {@code backup_label}, replays the WAL the backup holds from its start to its stop, and opens.
 */
public final class Restore {

	private Restore() {
	}

	/** Restores the backup into {@code dataDirectory}, which must be absent or empty; answers its manifest. */
	public static BackupManifest into(Path backup, Path dataDirectory) throws IOException {
		BackupManifest manifest = BackupManifest.read(backup);
		if (manifest.format() != BackupManifest.FORMAT) {
			throw new IOException("manifest format " + manifest.format() + " is not " + BackupManifest.FORMAT
					+ ": restore it with the release that took it");
		}
		OnlineBackup.requireEmpty(dataDirectory);
		try {
			for (String directory : manifest.directories()) {
				// PostgreSQL refuses a data directory others may read; nothing else here is anyone else's either
				Path made = Files.createDirectories(dataDirectory.resolve(directory));
				Files.setPosixFilePermissions(made, PosixFilePermissions.fromString("rwx------"));
			}
			List<String> damaged = new ArrayList<>();
			for (BackupFile file : manifest.files()) {
				try (InputStream in = Files.newInputStream(backup.resolve(file.path()))) {
					BackupFile copied = BackupFiles.copy(in, dataDirectory.resolve(file.path()), file.path());
					if (!copied.equals(file)) {
						damaged.add(file.path());
					}
				}
			}
			if (!damaged.isEmpty()) {
				throw new IOException(damaged.size() + " files of the backup do not match its manifest, e.g. "
						+ damaged.subList(0, Math.min(5, damaged.size())));
			}
		}
		catch (IOException | RuntimeException e) {
			deleteContent(dataDirectory);
			throw e;
		}
		return manifest;
	}

	/** The files of the backup that are missing or differ from the manifest; empty: the backup is intact. */
	public static List<String> verify(Path backup) throws IOException {
		return BackupFiles.damaged(backup, BackupManifest.read(backup));
	}

	private static void deleteContent(Path directory) throws IOException {
		try (Stream<Path> tree = Files.walk(directory)) {
			for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
				if (!path.equals(directory)) {
					Files.delete(path);
				}
			}
		}
	}
}
