package org.zhizhi.incident.photo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Files go under {@code ${zhizhi.data-dir}/photos} (or {@code zhizhi.photos.dir}) unless another {@link PhotoStore} bean (an object store) is
 * declared; the limits can be tuned with {@code zhizhi.photos.*}.
 */
@Configuration(proxyBeanMethods = false)
class PhotoConfiguration {

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
}
