package org.zhizhi.shared.database;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A read replica of the platform's database ({@code zhizhi.database.replica.*}; docs/scaling.md, "Read replicas").
 * Bound by {@link ScopedConnections} itself while the platform's data source is being made, before any bean could be
 * injected, so the checks Bean Validation would make are made here and stop the start alike.
 *
 * @param url JDBC URL of the replica; empty (the default): there is none and nothing is routed
 * @param username role on the replica; empty: the one the primary's pool connects as (a streaming replica has the
 * primary's roles)
 * @param password its password; with an empty username, the primary pool's
 * @param maxLag how far behind the primary the replica may be while it answers {@code @ReplicaRead}s
 * @param heartbeat how often the lag is measured: a beat written on the primary, looked for on the replica
 * @param poolSize connections to the replica
 * @param connectionTimeout how long a read waits for a connection to the replica before it goes to the primary
 */
@ConfigurationProperties("zhizhi.database.replica")
record ReplicaProperties(@DefaultValue("") String url, @DefaultValue("") String username,
		@DefaultValue("") String password, @DefaultValue("5s") Duration maxLag, @DefaultValue("1s") Duration heartbeat,
		@DefaultValue("5") int poolSize, @DefaultValue("1s") Duration connectionTimeout) {

	static final String PREFIX = "zhizhi.database.replica";

	ReplicaProperties {
		if (heartbeat.compareTo(Duration.ofMillis(10)) < 0) {
			throw new IllegalArgumentException(PREFIX + ".heartbeat must be at least 10ms, not " + heartbeat);
		}
		// a replica in step shows the beat of one interval ago at worst, measured one interval later: a bound under two
		// intervals would send reads to the primary now and then for nothing
		if (maxLag.compareTo(heartbeat.multipliedBy(2)) < 0) {
			throw new IllegalArgumentException(PREFIX + ".max-lag (" + maxLag + ") must be at least twice "
					+ PREFIX + ".heartbeat (" + heartbeat + ")");
		}
		if (poolSize < 1) {
			throw new IllegalArgumentException(PREFIX + ".pool-size must be at least 1, not " + poolSize);
		}
		// HikariCP's least
		if (connectionTimeout.compareTo(Duration.ofMillis(250)) < 0) {
			throw new IllegalArgumentException(PREFIX + ".connection-timeout must be at least 250ms, not "
					+ connectionTimeout);
		}
	}

	boolean configured() {
		return !url.isBlank();
	}
}
