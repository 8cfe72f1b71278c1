package org.zhizhi.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.zhizhi.media.processing.HeifConvertTool;
import org.zhizhi.media.processing.HeifConverter;
import org.zhizhi.media.store.FileSystemPhotoStore;

/**
 * Files go under {@code ${zhizhi.data-dir}/photos} (or {@code zhizhi.photos.dir}) unless another {@link PhotoStore} bean (an object store) is
 * declared; the limits can be tuned with {@code zhizhi.photos.*}. HEIC is read where libheif's {@code heif-convert}
 * is installed ({@code zhizhi.photos.heif-convert}: a path or a name on the PATH, {@code none} to refuse HEIC).
 */
@Configuration(proxyBeanMethods = false)
class PhotoConfiguration {

	private static final Logger log = LoggerFactory.getLogger(PhotoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean(PhotoStore.class)
	PhotoStore photoStore(Environment environment) throws IOException {
		String folder = environment.getProperty("zhizhi.photos.dir");
		if (folder != null) {
			return new FileSystemPhotoStore(Path.of(folder));
		}
		// A throwaway database (tests, demos) gets throwaway photos: its rows would not outlive it anyway.
		if (environment.getProperty("zhizhi.database.embedded.ephemeral", Boolean.class, false)) {
			return new FileSystemPhotoStore(Files.createTempDirectory("zhizhi-photos-"));
		}
		return new FileSystemPhotoStore(Path.of(environment.getProperty("zhizhi.data-dir", "./data"), "photos"));
	}

	@Bean
	PhotoLimits photoLimits(Environment environment) {
		PhotoLimits defaults = PhotoLimits.DEFAULTS;
		return new PhotoLimits(
				environment.getProperty("zhizhi.photos.max-bytes", Long.class, defaults.maxBytes()),
				environment.getProperty("zhizhi.photos.max-pixels", Long.class, defaults.maxPixels()),
				environment.getProperty("zhizhi.photos.served-size", Integer.class, defaults.servedSize()),
				environment.getProperty("zhizhi.photos.thumbnail-size", Integer.class, defaults.thumbnailSize()),
				environment.getProperty("zhizhi.photos.jpeg-quality", Float.class, defaults.jpegQuality()));
	}

	/** Said once at start, so whoever runs the platform knows whether iPhone photos will be taken. */
	@Bean
	HeifConverter heifConverter(Environment environment, PhotoLimits limits) {
		HeifConverter converter = HeifConvertTool.find(
				environment.getProperty("zhizhi.photos.heif-convert", "heif-convert"),
				environment.getProperty("zhizhi.photos.heif-timeout", Duration.class, Duration.ofSeconds(30)),
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
