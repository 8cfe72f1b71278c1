package org.zhizhi.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Every log line of a request carries its id, and the answer names it. */
class RequestIdFilterTests {

	private final RequestIdFilter filter = new RequestIdFilter();

	@Test
	void theProxysWellFormedIdIsKeptForTheLogAndTheAnswer() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/me");
		request.addHeader(RequestIdFilter.HEADER, "lb-7f3a9c21");
		MockHttpServletResponse response = new MockHttpServletResponse();
		AtomicReference<String> logged = new AtomicReference<>();

		filter.doFilter(request, response, (req, res) -> logged.set(MDC.get(RequestIdFilter.MDC_KEY)));

		assertThat(logged.get()).isEqualTo("lb-7f3a9c21");
		assertThat(response.getHeader(RequestIdFilter.HEADER)).isEqualTo("lb-7f3a9c21");
		assertThat(MDC.get(RequestIdFilter.MDC_KEY)).as("nothing left for the thread's next request").isNull();
	}

	@Test
	void aMissingOrIllFormedIdIsReplacedByAFreshOne() throws Exception {
		for (String sent : new String[] { null, "", "short", "x".repeat(65), "a b\nFAKE LOG LINE", "id;drop" }) {
			MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
			if (sent != null) {
				request.addHeader(RequestIdFilter.HEADER, sent);
			}
			MockHttpServletResponse response = new MockHttpServletResponse();
			AtomicReference<String> logged = new AtomicReference<>();

			filter.doFilter(request, response, (req, res) -> logged.set(MDC.get(RequestIdFilter.MDC_KEY)));

			assertThat(logged.get()).as(sent).matches("[0-9a-f]{24}");
			assertThat(response.getHeader(RequestIdFilter.HEADER)).isEqualTo(logged.get());
		}
	}
}
