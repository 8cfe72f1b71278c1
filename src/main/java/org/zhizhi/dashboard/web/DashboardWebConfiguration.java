package org.zhizhi.dashboard.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class DashboardWebConfiguration implements WebMvcConfigurer {

	private final LayoutInterceptor layout;

	DashboardWebConfiguration(LayoutInterceptor layout) {
		this.layout = layout;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(layout).excludePathPatterns("/api/**", "/actuator/**", "/webjars/**", "/css/**",
				"/js/**");
	}
}
