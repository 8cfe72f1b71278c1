package org.zhizhi.shared.web;

import java.lang.reflect.Type;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Marks the time a request's JSON body (or a JSON part of a multipart request) is being read, so that
 * {@link JsonInputConfiguration} refuses control characters in what comes from outside and not in what the platform
 * reads back from its own tables with the same mapper. The mark is a request attribute, so it never outlives the
 * request even when the body fails to read.
 */
@ControllerAdvice
class RequestBodyReading extends RequestBodyAdviceAdapter {

	private static final String READING = RequestBodyReading.class.getName();

	static boolean underWay() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		return request != null && request.getAttribute(READING, RequestAttributes.SCOPE_REQUEST) != null;
	}

	@Override
	public boolean supports(MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null) {
			request.setAttribute(READING, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
		}
		return input;
	}

	@Override
	public Object afterBodyRead(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null) {
			request.removeAttribute(READING, RequestAttributes.SCOPE_REQUEST);
		}
		return body;
	}
}
