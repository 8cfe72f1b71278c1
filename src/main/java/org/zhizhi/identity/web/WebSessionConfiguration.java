package org.zhizhi.identity.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializationFailedException;
import org.springframework.core.serializer.support.SerializingConverter;

/**
 * Web sessions live in PostgreSQL (Spring Session JDBC, table {@code identity.web_session}): a session signed in on
 * one node goes on on another, and a user sees and ends his own sessions ({@link SessionsController}). Attributes are
 * stored Java-serialized, as Spring Session does by default.
 */
@Configuration(proxyBeanMethods = false)
class WebSessionConfiguration {

	private static final Logger log = LoggerFactory.getLogger(WebSessionConfiguration.class);

	/**
	 * Spring Session's own conversion, but forgiving when reading: an attribute written by an older release that this
	 * one cannot read any more (a class changed in an upgrade) is dropped — the user signs in again — instead of
	 * failing every request of that session with a 500.
	 */
	@Bean("springSessionConversionService")
	ConversionService springSessionConversionService() {
		ClassLoader loader = WebSessionConfiguration.class.getClassLoader();
		DeserializingConverter reader = new DeserializingConverter(loader);
		GenericConversionService conversion = new GenericConversionService();
		conversion.addConverter(Object.class, byte[].class, new SerializingConverter());
		conversion.addConverter(byte[].class, Object.class, bytes -> {
			try {
				return reader.convert(bytes);
			}
			catch (SerializationFailedException unreadable) {
				log.info("A session attribute written by another release could not be read; it is dropped: {}",
						unreadable.getMessage());
				return null;
			}
		});
		return conversion;
	}
}
