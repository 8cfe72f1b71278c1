package org.zhizhi.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.zhizhi.media.processing.HeifConvertTool;
import org.zhizhi.media.processing.HeifConverter;
import org.zhizhi.media.store.FileSystemPhotoStore;

/**
 * Files go under {@code ${zhizhi.data-dir}/photos} (or {@code zhizhi.photos.dir}) unless another {@link PhotoStore} bean
 * (an object store) is declared; the limits are {@link PhotoProperties}. HEIC is read where libheif's {@code heif-convert}
 * is installed ({@code zhizhi.photos.heif-convert}: a path or a name on the PATH, {@code none} to refuse HEIC).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PhotoProperties.class)
class PhotoConfiguration {

	private static final Logger log = LoggerFactory.getLogger(PhotoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean(PhotoStore.class)
	PhotoStore photoStore(PhotoProperties properties, Environment environment) throws IOException {
		if (properties.dir() != null) {
			return new FileSystemPhotoStore(properties.dir());
		}
		// A throwaway database (tests, demos) gets throwaway photos: its rows would not outlive it anyway.
		if (environment.getProperty("zhizhi.database.embedded.ephemeral", Boolean.class, false)) {
			return new FileSystemPhotoStore(Files.createTempDirectory("zhizhi-photos-"));
		}
		return new FileSystemPhotoStore(Path.of(environment.getProperty("zhizhi.data-dir", "./data"), "photos"));
	}

	@Bean
	PhotoLimits photoLimits(PhotoProperties properties) {
		return properties.limits();
	}

	/** Said once at start, so whoever runs the platform knows whether iPhone photos will be taken. */
	@Bean
	HeifConverter heifConverter(PhotoProperties properties, PhotoLimits limits) {
		HeifConverter converter = HeifConvertTool.find(properties.heifConvert(), properties.heifTimeout(),
				// a JPEG of an image within the pixel limit never needs three bytes a pixel
				Math.multiplyExact(limits.maxPixels(), 3L),
				Path.of(System.getProperty("java.io.tmpdir")));
		if (converter.available()) {
			log.info("HEIC photos: accepted, converted by {}", converter);
		}
		else {
			log.warn("HEIC photos: refused, heif-convert with a HEVC decoder not found (install libheif-examples)");
		}
		return converter;
	}
}
