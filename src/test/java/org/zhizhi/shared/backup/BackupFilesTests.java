package org.zhizhi.shared.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhizhi.shared.Sha256;

/**
 * Backups' files without a server: the copy hashes what it writes, the manifest reads back as written, a damaged file is
 * named, and a restore from a damaged backup leaves nothing behind. The backup of a running server, its restore and the
 * platform on it: {@code BackupRestoreDrillIntegrationTests}.
 */
class BackupFilesTests {

	@TempDir
	Path temp;

	@Test
	void copiesATreeWithEachFilesSha256LeavingOutWhatItIsTold() throws IOException {
		Path store = temp.resolve("photos");
		Files.createDirectories(store.resolve("3f"));
		Files.createDirectories(store.resolve("empty"));
		Files.writeString(store.resolve("3f/a3f"), "photo");
		Files.writeString(store.resolve("3f/.partial-1.tmp"), "half a photo");
		BackupFiles files = new BackupFiles(temp.resolve("backup"));

		files.copyTree(store, "photos", dir -> false, file -> file.getFileName().toString().startsWith(".partial"));

		assertThat(files.directories()).containsExactlyInAnyOrder("photos", "photos/3f", "photos/empty");
		assertThat(files.files()).containsExactly(new BackupManifest.BackupFile("photos/3f/a3f", 5, Sha256.hex("photo")));
		assertThat(temp.resolve("backup/photos/3f/a3f")).hasContent("photo");
		assertThat(temp.resolve("backup/photos/3f/.partial-1.tmp")).doesNotExist();
	}

	@Test
	void aStoreNotMadeYetIsAnEmptyDirectoryOfTheBackup() throws IOException {
		BackupFiles files = new BackupFiles(temp.resolve("backup"));

		files.copyTree(temp.resolve("documents"), "documents", dir -> false, file -> false);

		assertThat(files.directories()).containsExactly("documents");
		assertThat(temp.resolve("backup/documents")).isEmptyDirectory();
	}

	@Test
	void verifyNamesAFileChangedOrMissingAfterTheBackup() throws IOException {
		Path backup = backupOf("first", "second");
		assertThat(Restore.verify(backup)).isEmpty();

		Files.writeString(backup.resolve("photos/p/first"), "firsT");
		Files.delete(backup.resolve("photos/p/second"));

		assertThat(Restore.verify(backup)).containsExactly("photos/p/first", "photos/p/second");
	}

	@Test
	void restoresIntoAFreshDirectoryWithItsDirectoriesPrivate() throws IOException {
		Path backup = backupOf("first");
		Path dataDirectory = temp.resolve("data");

		BackupManifest manifest = Restore.into(backup, dataDirectory);

		assertThat(manifest.files()).hasSize(1);
		assertThat(dataDirectory.resolve("photos/p/first")).hasContent("first");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDirectory.resolve("photos/p"))))
			.isEqualTo("rwx------");
	}

	@Test
	void aDamagedBackupIsNotRestoredAndLeavesNothingBehind() throws IOException {
		Path backup = backupOf("first", "second");
		Files.writeString(backup.resolve("photos/p/second"), "changed");
		Path dataDirectory = temp.resolve("data");

		assertThatThrownBy(() -> Restore.into(backup, dataDirectory)).isInstanceOf(IOException.class)
			.hasMessageContaining("photos/p/second");
		assertThat(dataDirectory).isEmptyDirectory();
	}

	@Test
	void refusesToRestoreOverADataDirectoryInUse() throws IOException {
		Path backup = backupOf("first");
		Path dataDirectory = Files.createDirectories(temp.resolve("data"));
		Files.writeString(dataDirectory.resolve("kept"), "x");

		assertThatThrownBy(() -> Restore.into(backup, dataDirectory)).hasMessageContaining("is not empty");
		assertThat(dataDirectory.resolve("kept")).hasContent("x");
	}

	@Test
	void aDirectoryWithoutManifestIsNoBackup() {
		assertThatThrownBy(() -> Restore.verify(temp)).hasMessageContaining("manifest.json");
	}

	@Test
	void theManifestReadsBackAsWrittenWithChecksumsForSha256sum() throws IOException {
		Path backup = backupOf("first");

		BackupManifest read = BackupManifest.read(backup);

		assertThat(read.stopLsn()).isEqualTo("0/3000100");
		assertThat(read.stoppedAt()).isEqualTo(Instant.parse("2026-12-07T10:00:01Z"));
		assertThat(read.filesUnder("photos")).hasSize(1);
		assertThat(backup.resolve(BackupManifest.SUMS)).hasContent(Sha256.hex("first") + "  photos/p/first");
	}

	@Test
	void theCommandSaysHowItIsUsedAndTellsAFailure() throws IOException {
		assertThat(BackupCommand.isCommand(new String[] { "backup", "--to", "x" })).isTrue();
		assertThat(BackupCommand.isCommand(new String[] { "--server.port=8081" })).isFalse();
		assertThat(BackupCommand.isCommand(new String[0])).isFalse();
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		assertThat(BackupCommand.run(new String[] { "restore", "--from", "b" }, new PrintStream(out, true,
				StandardCharsets.UTF_8))).isEqualTo(2);
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("usage:");

		out.reset();
		Files.createDirectories(temp.resolve("data/postgres"));
		assertThat(BackupCommand.run(new String[] { "backup", "--to", temp.resolve("b").toString(), "--data-dir",
				temp.resolve("data").toString() }, new PrintStream(out, true, StandardCharsets.UTF_8))).isEqualTo(1);
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("no PostgreSQL runs on");
	}

	/** A backup of photo files named as given, each holding its own name, with a manifest as a backup writes it. */
	private Path backupOf(String... names) throws IOException {
		Path store = temp.resolve("store-" + names.length);
		Files.createDirectories(store.resolve("p"));
		for (String name : names) {
			Files.writeString(store.resolve("p").resolve(name), name);
		}
		Path backup = temp.resolve("backup-" + names.length);
		BackupFiles files = new BackupFiles(backup);
		files.copyTree(store, "photos", dir -> false, file -> false);
		new BackupManifest(BackupManifest.FORMAT, "zhizhi test", Instant.parse("2026-12-07T10:00:00Z"),
				Instant.parse("2026-12-07T10:00:01Z"), Instant.parse("2026-12-07T10:00:02Z"), "17.6", "7", 1,
				"0/2000028", "0/3000100", "000000010000000000000002", "000000010000000000000003", files.totalBytes(),
				files.directories(), files.files())
			.write(backup);
		try (Stream<Path> written = Files.list(backup)) {
			assertThat(written.map(path -> path.getFileName().toString())).contains("manifest.json", "SHA256SUMS");
		}
		return backup;
	}
}
