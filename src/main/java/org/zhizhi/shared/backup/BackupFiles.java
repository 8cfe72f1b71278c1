package org.zhizhi.shared.backup;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.zhizhi.shared.backup.BackupManifest.BackupFile;

/**
 * Copies files into and out of a backup, hashing each as its bytes pass: the checksum is of what was written, not of a
 * second read of a file the server may have changed meanwhile. Collects what it copied for the manifest.
 */
final class BackupFiles {

	private static final int BUFFER = 1 << 16;

	private final Path backup;

	private final List<String> directories = new ArrayList<>();

	private final List<BackupFile> files = new ArrayList<>();

	BackupFiles(Path backup) {
		this.backup = backup;
	}

	Path backup() {
		return backup;
	}

	List<String> directories() {
		return List.copyOf(directories);
	}

	List<BackupFile> files() {
		return List.copyOf(files);
	}

	long totalBytes() {
		return files.stream().mapToLong(BackupFile::bytes).sum();
	}

	/**
	 * The tree under {@code source} as {@code top/…} in the backup. A directory {@code emptied} accepts is kept without
	 * its content; a file {@code skipped} accepts is left out; a file that vanishes while the copy runs (a table
	 * dropped, a photo deleted) is simply not there.
	 */
	void copyTree(Path source, String top, Predicate<Path> emptied, Predicate<Path> skipped) throws IOException {
		if (!Files.isDirectory(source)) {
			directory(top);
			return;
		}
		Files.walkFileTree(source, new SimpleFileVisitor<>() {

			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
				directory(pathOf(top, source.relativize(dir)));
				return !dir.equals(source) && emptied.test(dir) ? FileVisitResult.SKIP_SUBTREE
						: FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
				if (attributes.isRegularFile() && !skipped.test(file)) {
					copyIn(file, pathOf(top, source.relativize(file)));
				}
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
				if (e instanceof NoSuchFileException) {
					return FileVisitResult.CONTINUE;
				}
				throw e;
			}
		});
	}

	/** A directory of the backup, made now and listed for the restore (PostgreSQL wants its empty ones back). */
	void directory(String path) throws IOException {
		Files.createDirectories(backup.resolve(path));
		directories.add(path);
	}

	/** One file copied in; absent if it vanished before it could be opened. */
	Optional<BackupFile> copyIn(Path source, String path) throws IOException {
		try (InputStream in = Files.newInputStream(source)) {
			BackupFile copied = copy(in, backup.resolve(path), path);
			files.add(copied);
			return Optional.of(copied);
		}
		catch (NoSuchFileException vanished) {
			return Optional.empty();
		}
	}

	/** A file whose content the backup makes itself ({@code backup_label}). */
	void write(String path, byte[] content) throws IOException {
		try (InputStream in = new ByteArrayInputStream(content)) {
			files.add(copy(in, backup.resolve(path), path));
		}
	}

	/** Copies the stream to the target, answering its size and SHA-256. */
	static BackupFile copy(InputStream in, Path target, String path) throws IOException {
		MessageDigest digest = sha256();
		long bytes = 0;
		byte[] buffer = new byte[BUFFER];
		try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
			for (int n; (n = in.read(buffer)) > 0;) {
				digest.update(buffer, 0, n);
				out.write(buffer, 0, n);
				bytes += n;
			}
		}
		return new BackupFile(path, bytes, HexFormat.of().formatHex(digest.digest()));
	}

	/** The files of the manifest that are missing, of another size or another SHA-256 in the backup, by path. */
	static List<String> damaged(Path backup, BackupManifest manifest) {
		return manifest.files().parallelStream().filter(file -> !intact(backup.resolve(file.path()), file))
			.map(BackupFile::path).sorted().toList();
	}

	private static boolean intact(Path file, BackupFile expected) {
		try (InputStream in = Files.newInputStream(file)) {
			MessageDigest digest = sha256();
			long bytes = 0;
			byte[] buffer = new byte[BUFFER];
			for (int n; (n = in.read(buffer)) > 0;) {
				digest.update(buffer, 0, n);
				bytes += n;
			}
			return bytes == expected.bytes() && HexFormat.of().formatHex(digest.digest()).equals(expected.sha256());
		}
		catch (NoSuchFileException missing) {
			return false;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String pathOf(String top, Path relative) {
		String inside = relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
		return inside.isEmpty() ? top : top + "/" + inside;
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every JDK has SHA-256", e);
		}
	}
}
