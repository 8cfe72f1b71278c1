package org.zhizhi.media.processing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;

/**
 * libheif's {@code heif-convert} (Debian package libheif-examples) run as a separate process: the HEVC decoder is C
 * code fed with untrusted bytes, so it runs outside the JVM, with its arguments as a list (never through a shell), in
 * a private temporary directory that is always deleted, under a time limit, a few at a time, and its output is
 * size-checked before it is read. The upload's size and declared pixels are checked before this is called.
 * <p>
 * heif-convert applies the HEIF's own rotation and mirroring (irot/imir) to the pixels and copies the EXIF block into
 * the JPEG's APP1 — verified with libheif 1.15.1 — but leaves the EXIF orientation tag as the camera wrote it, so the
 * caller must not apply that tag again.
 */
public final class HeifConvertTool implements HeifConverter {

	private static final Logger log = LoggerFactory.getLogger(HeifConvertTool.class);

	/** heif-convert's JPEG quality: the result is decoded and re-encoded once more, so lose little here. */
	private static final String QUALITY = "92";

	private final Path executable;

	/** What the tool said its HEVC decoder is, for the log. */
	private final String decoder;

	private final Duration timeout;

	private final long maxOutputBytes;

	private final Path tempRoot;

	/** Decoding a 12-megapixel HEIC takes a core and a few hundred MB: a burst of uploads waits rather than piles up. */
	private final Semaphore running;

	public HeifConvertTool(Path executable, String decoder, Duration timeout, long maxOutputBytes, Path tempRoot,
			int parallel) {
		this.executable = executable;
		this.decoder = decoder;
		this.timeout = timeout;
		this.maxOutputBytes = maxOutputBytes;
		this.tempRoot = tempRoot;
		this.running = new Semaphore(parallel, true);
	}

	/**
	 * The tool named (a path, or a name looked up on the PATH), if it is there and answers that it has a HEVC
	 * decoder; otherwise {@link HeifConverter#ABSENT}, so a machine without it still runs and refuses HEIC clearly.
	 */
	public static HeifConverter find(String command, Duration timeout, long maxOutputBytes, Path tempRoot) {
		Optional<Path> executable = locate(command);
		if (executable.isEmpty()) {
			return HeifConverter.ABSENT;
		}
		Optional<String> decoder = hevcDecoder(executable.get());
		if (decoder.isEmpty()) {
			return HeifConverter.ABSENT;
		}
		return new HeifConvertTool(executable.get(), decoder.get(), timeout, maxOutputBytes, tempRoot,
				Math.max(1, Runtime.getRuntime().availableProcessors()));
	}

	@Override
	public boolean available() {
		return true;
	}

	@Override
	public byte[] toJpeg(byte[] heic) {
		boolean acquired = false;
		try {
			acquired = running.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
			if (!acquired) {
				throw timedOut();
			}
			return convert(heic);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw timedOut();
		}
		finally {
			if (acquired) {
				running.release();
			}
		}
	}

	private byte[] convert(byte[] heic) throws InterruptedException {
		Path dir = null;
		Process process = null;
		try {
			Files.createDirectories(tempRoot);
			// Created readable by its owner only (the JDK does so on POSIX): other local users see no photo.
			dir = Files.createTempDirectory(tempRoot, "zhizhi-heic-");
			Path input = dir.resolve("upload.heic");
			Path output = dir.resolve("photo.jpg");
			Path messages = dir.resolve("messages.txt");
			Files.write(input, heic);
			process = new ProcessBuilder(List.of(executable.toString(), "--quiet", "-q", QUALITY, input.toString(),
					output.toString()))
				.directory(dir.toFile())
				.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
				.redirectErrorStream(true)
				.redirectOutput(messages.toFile())
				.start();
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				log.warn("heif-convert took longer than {}; stopped", timeout);
				throw timedOut();
			}
			if (process.exitValue() != 0 || !Files.isRegularFile(output)) {
				log.info("heif-convert refused an upload (exit {}): {}", process.exitValue(), firstLine(messages));
				throw unreadable();
			}
			if (Files.size(output) > maxOutputBytes) {
				// more than three bytes a permitted pixel: the header lied about the size
				throw unreadable();
			}
			return Files.readAllBytes(output);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not run " + executable, ex);
		}
		finally {
			if (process != null && process.isAlive()) {
				process.descendants().forEach(ProcessHandle::destroyForcibly);
				process.destroyForcibly();
				// its files are deleted only once it can no longer write them
				process.waitFor(10, TimeUnit.SECONDS);
			}
			deleteQuietly(dir);
		}
	}

	private static DomainException unreadable() {
		return new DomainException(Category.INVALID, "PHOTO_UNREADABLE", "photo.unreadable");
	}

	private static DomainException timedOut() {
		return new DomainException(Category.INVALID, "PHOTO_CONVERSION_TIMED_OUT", "photo.conversionTimedOut");
	}

	private static String firstLine(Path messages) {
		try (Stream<String> lines = Files.lines(messages, StandardCharsets.UTF_8)) {
			return lines.filter(line -> !line.isBlank()).findFirst().map(line -> line.length() > 200
					? line.substring(0, 200) : line).orElse("");
		}
		catch (IOException | UncheckedIOException ex) {
			return "";
		}
	}

	private static void deleteQuietly(Path dir) {
		if (dir == null) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException | UncheckedIOException ex) {
			log.warn("Could not delete {}: {}", dir, ex.toString());
		}
	}

	private static Optional<Path> locate(String command) {
		if (command == null || command.isBlank() || command.equals("none")) {
			return Optional.empty();
		}
		if (command.contains(File.separator)) {
			Path path = Path.of(command);
			return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
		}
		String searchPath = System.getenv("PATH");
		if (searchPath == null) {
			return Optional.empty();
		}
		return Stream.of(searchPath.split(File.pathSeparator))
			.filter(folder -> !folder.isBlank())
			.map(folder -> Path.of(folder, command))
			.filter(Files::isExecutable)
			.findFirst();
	}

	/** Asks the tool which decoders it has: libheif may be built without a HEVC one (AVIF only). */
	private static Optional<String> hevcDecoder(Path executable) {
		Path answer = null;
		Process process = null;
		try {
			answer = Files.createTempFile("zhizhi-heif-decoders-", ".txt");
			process = new ProcessBuilder(List.of(executable.toString(), "--list-decoders"))
				.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
				.redirectErrorStream(true)
				.redirectOutput(answer.toFile())
				.start();
			if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0 || Files.size(answer) > 64 * 1024) {
				return Optional.empty();
			}
			List<String> lines = Files.readAllLines(answer, StandardCharsets.UTF_8).stream().map(String::strip).toList();
			int heading = lines.indexOf("HEIC decoders:");
			if (heading < 0 || heading + 1 >= lines.size() || !lines.get(heading + 1).startsWith("- ")) {
				return Optional.empty();
			}
			return Optional.of(lines.get(heading + 1).substring(2));
		}
		catch (IOException | UncheckedIOException ex) {
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
		finally {
			if (process != null && process.isAlive()) {
				process.destroyForcibly();
			}
			deleteQuietly(answer);
		}
	}

	@Override
	public String toString() {
		return executable + " (" + decoder + ")";
	}
}
