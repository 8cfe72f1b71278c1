package org.zhizhi.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Documents go under {@code zhizhi.documents.dir}, by default {@code ${zhizhi.data-dir}/documents}; a throwaway
 * database gets a temporary folder. Installations from before documents were media's kept them in
 * {@code ${zhizhi.data-dir}/partnership}: that folder is taken over once, by renaming it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DocumentProperties.class)
class DocumentConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DocumentConfiguration.class);

	@Bean
	Documents documents(DocumentProperties properties, Environment environment, Photos photos) throws IOException {
		return new Documents(folder(properties, environment), properties.maxBytes(), photos);
	}

	static Path folder(DocumentProperties properties, Environment environment) throws IOException {
		if (properties.dir() != null) {
			return properties.dir();
		}
		if (environment.getProperty("zhizhi.database.embedded.ephemeral", Boolean.class, false)) {
			// a throwaway database gets throwaway files: its rows would not outlive it anyway
			return Files.createTempDirectory("zhizhi-documents-");
		}
		Path dataDir = Path.of(environment.getProperty("zhizhi.data-dir", "./data"));
		Path folder = dataDir.resolve("documents");
		Path earlier = dataDir.resolve("partnership");
		if (!Files.exists(folder) && Files.isDirectory(earlier)) {
			Files.move(earlier, folder);
			log.info("Documents: moved {} to {}", earlier, folder);
		}
		return folder;
	}
}
