package org.zhizhi.media.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;

import org.zhizhi.media.PhotoStore;

/**
 * Keeps each photo as one file under a root folder, spread over sub-folders by the id's last two characters so no
 * folder grows to hundreds of thousands of entries (UUIDv7 ids share their leading, time-based characters).
 */
public class FileSystemPhotoStore implements PhotoStore {

	private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{1,127}");

	private final Path root;

	public FileSystemPhotoStore(Path root) {
		this.root = root.toAbsolutePath().normalize();
	}

	public Path root() {
		return root;
	}

	@Override
	public void put(String id, byte[] content) {
		Path target = pathOf(id);
		try {
			Files.createDirectories(target.getParent());
			// Written beside the target and moved in one step, so a reader never sees half a file.
			Path partial = Files.createTempFile(target.getParent(), ".partial-", ".tmp");
			try {
				Files.write(partial, content);
				Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			finally {
				Files.deleteIfExists(partial);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not store photo " + id, ex);
		}
	}

	@Override
	public Optional<byte[]> get(String id) {
		try {
			return Optional.of(Files.readAllBytes(pathOf(id)));
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read photo " + id, ex);
		}
	}

	@Override
	public void delete(String id) {
		try {
			Files.deleteIfExists(pathOf(id));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not delete photo " + id, ex);
		}
	}

	private Path pathOf(String id) {
		if (id == null || !SAFE_ID.matcher(id).matches() || id.contains("..")) {
			throw new IllegalArgumentException("Not a photo id: " + id);
		}
		return root.resolve(id.substring(id.length() - 2)).resolve(id);
	}
}
