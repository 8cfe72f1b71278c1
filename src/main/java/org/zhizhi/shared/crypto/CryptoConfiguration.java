package org.zhizhi.shared.crypto;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The installation's ring of data keys, from {@code zhizhi.crypto.*} and the data key it began with. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CryptoProperties.class)
class CryptoConfiguration {

	@Bean
	DataSealing dataSealing(CryptoProperties properties, @Value("${zhizhi.people.data-key:}") String dataKey) {
		Map<Integer, byte[]> keys = new LinkedHashMap<>();
		properties.keys().forEach((id, key) -> keys.put(id, decode("zhizhi.crypto.keys." + id, key)));
		return DataSealing.of(properties.algorithm(), keys, properties.primaryKey(),
				dataKey.isBlank() ? null : decode("zhizhi.people.data-key", dataKey));
	}

	private static byte[] decode(String name, String base64) {
		try {
			return Base64.getDecoder().decode(base64.strip());
		}
		catch (IllegalArgumentException e) {
			throw new IllegalStateException(name + " is not base64", e);
		}
	}
}
