package org.zhizhi.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The replica's settings as {@link ScopedConnections} binds them: defaults, and the values that stop the start. */
class ReplicaPropertiesTests {

	@Test
	void noUrlIsNoReplicaAndTheDefaultsAreThoseTheDocsName() {
		ReplicaProperties none = bind(Map.of());
		assertThat(none.configured()).isFalse();
		assertThat(none.maxLag()).isEqualTo(Duration.ofSeconds(5));
		assertThat(none.heartbeat()).isEqualTo(Duration.ofSeconds(1));
		assertThat(bind(Map.of("zhizhi.database.replica.url", "jdbc:postgresql://replica/zhizhi")).configured())
			.isTrue();
	}

	@Test
	void aBoundUnderTwoHeartbeatsStopsTheStart() {
		assertThatThrownBy(() -> bind(Map.of("zhizhi.database.replica.max-lag", "1500ms")))
			.hasRootCauseInstanceOf(IllegalArgumentException.class)
			.rootCause()
			.hasMessageContaining("max-lag");
		assertThat(bind(Map.of("zhizhi.database.replica.max-lag", "2s")).maxLag()).isEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void aConnectionTimeoutHikariRefusesStopsTheStart() {
		assertThatThrownBy(() -> bind(Map.of("zhizhi.database.replica.connection-timeout", "100ms")))
			.rootCause()
			.hasMessageContaining("connection-timeout");
	}

	private static ReplicaProperties bind(Map<String, String> settings) {
		return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate(ReplicaProperties.PREFIX,
				ReplicaProperties.class);
	}
}
