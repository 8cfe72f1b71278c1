package org.zhizhi.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.context.annotation.Configuration;

/** {@code zhizhi.photos.*} bound to a typed record: defaults as documented, a bad value stops the start. */
class PhotoPropertiesTests {

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(PhotoProperties.class)
	static class Settings {
	}

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(Settings.class);

	@Test
	void defaultsAreTheDocumentedLimits() {
		runner.run(context -> {
			PhotoProperties properties = context.getBean(PhotoProperties.class);
			assertThat(properties.limits()).isEqualTo(PhotoLimits.DEFAULTS);
			assertThat(properties.dir()).isNull();
			assertThat(properties.heifConvert()).isEqualTo("heif-convert");
			assertThat(properties.heifTimeout()).isEqualTo(Duration.ofSeconds(30));
		});
	}

	@Test
	void settingsAreBoundByTheirDocumentedNames() {
		runner.withPropertyValues("zhizhi.photos.max-bytes=2048", "zhizhi.photos.jpeg-quality=0.9",
				"zhizhi.photos.heif-convert=none", "zhizhi.photos.heif-timeout=5s").run(context -> {
					PhotoProperties properties = context.getBean(PhotoProperties.class);
					assertThat(properties.maxBytes()).isEqualTo(2048);
					assertThat(properties.jpegQuality()).isEqualTo(0.9f);
					assertThat(properties.heifConvert()).isEqualTo("none");
					assertThat(properties.heifTimeout()).isEqualTo(Duration.ofSeconds(5));
				});
	}

	@Test
	void aValueOutOfRangeStopsTheStart() {
		runner.withPropertyValues("zhizhi.photos.jpeg-quality=0.1")
			.run(context -> assertThat(context).hasFailed());
		runner.withPropertyValues("zhizhi.photos.max-bytes=0").run(context -> assertThat(context).hasFailed());
	}
}
