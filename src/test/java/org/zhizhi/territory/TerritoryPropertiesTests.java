package org.zhizhi.territory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Map tiles, the installation's root and the grid look-up: the names and defaults the {@code @Value}s had. */
class TerritoryPropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(TerritoryConfiguration.class)
		.withPropertyValues("zhizhi.installation.root-name=重庆市", "zhizhi.installation.root-code=500000000000");

	@Test
	void defaults() {
		runner.run(context -> {
			assertThat(context.getBean(MapProperties.class)).isEqualTo(new MapProperties("", ""));
			assertThat(context.getBean(GridProperties.class).versionCheck()).isEqualTo(Duration.ofSeconds(2));
			assertThat(context.getBean(InstallationProperties.class))
				.isEqualTo(new InstallationProperties("重庆市", "500000000000"));
		});
	}

	@Test
	void emptyTilesAsInApplicationProperties() {
		runner.withPropertyValues("zhizhi.map.tile-url=", "zhizhi.map.tile-attribution=")
			.run(context -> assertThat(context.getBean(MapProperties.class)).isEqualTo(new MapProperties("", "")));
	}

	@Test
	void bindsTheSameNames() {
		runner.withPropertyValues("zhizhi.map.tile-url=https://t{s}.example/{z}/{x}/{y}.png",
				"zhizhi.map.tile-attribution=© example", "zhizhi.grids.version-check=0s")
			.run(context -> {
				assertThat(context.getBean(MapProperties.class))
					.isEqualTo(new MapProperties("https://t{s}.example/{z}/{x}/{y}.png", "© example"));
				assertThat(context.getBean(GridProperties.class).versionCheck()).isZero();
			});
	}

	@Test
	void aMissingRootStopsTheStart() {
		new ApplicationContextRunner().withUserConfiguration(TerritoryConfiguration.class)
			.run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("rootName"));
	}

	@Test
	void aNegativeVersionCheckStopsTheStart() {
		runner.withPropertyValues("zhizhi.grids.version-check=-1s")
			.run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("versionCheck"));
	}
}
