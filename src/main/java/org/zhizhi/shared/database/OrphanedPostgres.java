package org.zhizhi.shared.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When the platform is killed hard (kill -9, a power cut of the JVM only), its embedded PostgreSQL lives on and keeps
 * the data directory locked, so the next start would hang. This finds such an orphan by the PID in
 * {@code postmaster.pid} and shuts it down cleanly — a smart shutdown, which loses nothing — before we start again.
 */
final class OrphanedPostgres {

	private static final Logger log = LoggerFactory.getLogger(OrphanedPostgres.class);

	private OrphanedPostgres() {
	}

	static void stopIfRunning(Path dataDirectory, Duration patience) throws IOException {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		List<String> lines = Files.readAllLines(pidFile);
		if (lines.size() < 2) {
			return;
		}
		long pid;
		try {
			pid = Long.parseLong(lines.get(0).strip());
		}
		catch (NumberFormatException e) {
			return;
		}
		Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
		boolean ours = process.flatMap(p -> p.info().command()).map(c -> c.endsWith("postgres")).orElse(false)
				&& Path.of(lines.get(1).strip()).toAbsolutePath().normalize().equals(dataDirectory.toAbsolutePath().normalize());
		if (!ours) {
			return;
		}
		log.warn("An embedded PostgreSQL (pid {}) was left running by an earlier start; shutting it down", pid);
		process.get().destroy();
		try {
			process.get().onExit().get(patience.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException | TimeoutException e) {
			throw new IOException("the PostgreSQL left running in " + dataDirectory + " (pid " + pid
					+ ") did not stop; stop it and start again", e);
		}
	}
}
