package org.zhizhi.shared.web;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A refusal decided before any controller ran (in a servlet filter), left on the request for {@link ErrorPages} to
 * render: a problem for the API, the Chinese error page for pages. Messages are keys of the bundles.
 */
record RequestProblem(HttpStatus status, String code, String detailKey, List<Field> errors) {

	static final String ATTRIBUTE = RequestProblem.class.getName();

	record Field(String field, String messageKey) {
	}
}
