package org.zhizhi.shared.web;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;


/**
 * Chinese first: every page is zh-CN unless the user switches to English with {@code ?lang=en}; and in large text
 * when the user switched it on ({@link TextSize}).
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	/** Paths that render no page: the JSON API, the management endpoints and static files. */
	private static final String[] NOT_PAGES = { "/api/**", "/actuator/**", "/css/**", "/js/**", "/img/**",
			"/webjars/**" };

	private final ZoneId zone;

	WebConfiguration(ZoneId zone) {
		this.zone = zone;
	}

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new SupportedLocales("zhizhi-lang");
		resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		return resolver;
	}

	/** Only the two languages the platform speaks: English when asked for, Chinese otherwise. */
	static final class SupportedLocales extends CookieLocaleResolver {

		SupportedLocales(String cookieName) {
			super(cookieName);
		}

		@Override
		public Locale resolveLocale(jakarta.servlet.http.HttpServletRequest request) {
			return supported(super.resolveLocale(request));
		}

		@Override
		public void setLocale(jakarta.servlet.http.HttpServletRequest request,
				jakarta.servlet.http.HttpServletResponse response, Locale locale) {
			super.setLocale(request, response, locale == null ? null : supported(locale));
		}

		static Locale supported(Locale locale) {
			return "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
		}
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		// ?lang=en also chooses the language of the API's problem answers: it stays on every path
		registry.addInterceptor(interceptor);
		// what pages alone read stays off the JSON API, which every report pays for (issue 16)
		registry.addInterceptor(new TextSize()).excludePathPatterns(NOT_PAGES);
		registry.addInterceptor(new PageZone(zone)).excludePathPatterns(NOT_PAGES);
	}

}
