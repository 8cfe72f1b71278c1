package org.zhizhi.shared.web;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.util.HtmlUtils;
import org.zhizhi.shared.ProblemResponses;

import tools.jackson.databind.json.JsonMapper;

/**
 * Errors decided before Spring MVC: the security firewall's rejected paths ({@code %2e%2e}, {@code //} …) and what
 * Tomcat refuses itself (an encoded slash or NUL in the path, headers over its 8 KB), which it used to answer with its
 * own English HTML page. The API gets an RFC 9457 problem like every other error, the pages a short Chinese page.
 */
@Configuration(proxyBeanMethods = false)
class ContainerErrors {

	/** The firewall's refusal, rendered by {@link ErrorPages} with its own code. */
	@Bean
	RequestRejectedHandler requestRejectedHandler() {
		return (request, response, rejected) -> {
			request.setAttribute(RequestProblem.ATTRIBUTE,
					new RequestProblem(HttpStatus.BAD_REQUEST, "REQUEST_REJECTED", "problem.rejected", List.of()));
			response.sendError(HttpStatus.BAD_REQUEST.value());
		};
	}

	/**
	 * Tomcat's host adds its error report valve by class name unless the pipeline holds one of that class already, and
	 * Spring Boot adds a plain one of its own (server.error.include-stacktrace=never): this one is named and added,
	 * and any plain one is taken out once the host has started, so that this is the only one to answer.
	 */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports(MessageSource messages,
			JsonMapper json) {
		return factory -> factory.addContextCustomizers(context -> {
			StandardHost host = (StandardHost) context.getParent();
			host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
			host.getPipeline().addValve(new ProblemErrorReportValve(messages, json));
			host.addLifecycleListener(event -> {
				if (Lifecycle.AFTER_START_EVENT.equals(event.getType())) {
					for (Valve valve : host.getPipeline().getValves()) {
						if (valve.getClass() == ErrorReportValve.class) {
							host.getPipeline().removeValve(valve);
						}
					}
				}
			});
		});
	}

	/**
	 * A short error page for where no template can be rendered (before or outside Spring MVC): the status, what went
	 * wrong and the way back, in the user's language.
	 */
	static String page(int status, String title, String detail, String back, Locale locale) {
		return "<!DOCTYPE html><html lang=\"" + locale.toLanguageTag() + "\"><head><meta charset=\"utf-8\">"
				+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
				+ HtmlUtils.htmlEscape(title) + "</title></head><body><h1>" + status + " " + HtmlUtils.htmlEscape(title)
				+ "</h1><p>" + HtmlUtils.htmlEscape(detail) + "</p><p><a href=\"/\">" + HtmlUtils.htmlEscape(back)
				+ "</a></p></body></html>";
	}

	/** Tomcat's last word on an error nobody else answered, in the platform's shapes. */
	static class ProblemErrorReportValve extends ErrorReportValve {

		private final MessageSource messages;

		private final JsonMapper json;

		/** For Tomcat, which may create the named class itself; never used so. */
		public ProblemErrorReportValve() {
			this(null, null);
		}

		ProblemErrorReportValve(MessageSource messages, JsonMapper json) {
			this.messages = messages;
			this.json = json;
		}

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int code = response.getStatus();
			// as Tomcat's own valve: only an error nobody has written an answer for, and only if it can be sent
			if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported() || messages == null) {
				return;
			}
			AtomicBoolean ioAllowed = new AtomicBoolean(false);
			response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
			if (!ioAllowed.get()) {
				return;
			}
			String uri = request.getCoyoteRequest().requestURI().toString();
			RequestProblem problem = problem(code, uri, throwable);
			Locale locale = Locale.SIMPLIFIED_CHINESE;
			String detail = messages.getMessage(problem.detailKey(), null, problem.detailKey(), locale);
			try {
				response.setStatus(problem.status().value());
				response.setLocale(locale);
				response.setCharacterEncoding("UTF-8");
				String accept = request.getHeader("Accept");
				boolean page = uri != null && !ProblemAdvice.isApiPath(uri)
						|| uri == null && accept != null && accept.contains("text/html");
				String body;
				if (page) {
					response.setContentType("text/html;charset=UTF-8");
					body = page(problem.status().value(), messages.getMessage("error.title", null, "出错了", locale),
							detail, messages.getMessage("error.back", null, "返回工作台", locale), locale);
				}
				else {
					response.setContentType("application/problem+json");
					body = json.writeValueAsString(ProblemResponses.problem(problem.status(), problem.code(), detail,
							List.of(), uri == null ? "/" : ErrorPages.safe(uri), locale, messages));
				}
				Writer writer = response.getReporter();
				if (writer != null) {
					writer.write(body);
					response.finishResponse();
				}
			}
			catch (IOException | IllegalStateException e) {
				// the client is gone or the answer was already under way: nothing more to say
			}
		}

		private static RequestProblem problem(int code, String uri, Throwable throwable) {
			String reason = throwable == null ? "" : String.valueOf(throwable.getMessage()).toLowerCase(Locale.ROOT);
			if (reason.contains("header") && reason.contains("too large")) {
				return new RequestProblem(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "HEADERS_TOO_LARGE",
						"problem.headersTooLarge", List.of());
			}
			HttpStatus status = HttpStatus.resolve(code);
			if (status == null) {
				status = code >= 500 ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.BAD_REQUEST;
			}
			if (status == HttpStatus.BAD_REQUEST && uri != null && uri.matches("(?i).*(%2f|%5c|%00|%25).*")) {
				return new RequestProblem(status, "REQUEST_REJECTED", "problem.rejected", List.of());
			}
			return switch (status) {
				case NOT_FOUND -> new RequestProblem(status, "NOT_FOUND", "problem.noSuchPath", List.of());
				case CONTENT_TOO_LARGE -> new RequestProblem(status, "PAYLOAD_TOO_LARGE", "problem.tooLarge", List.of());
				case REQUEST_HEADER_FIELDS_TOO_LARGE ->
					new RequestProblem(status, "HEADERS_TOO_LARGE", "problem.headersTooLarge", List.of());
				default -> status.is5xxServerError()
						? new RequestProblem(status, "INTERNAL_ERROR", "problem.internal", List.of())
						: new RequestProblem(status, "MALFORMED_REQUEST", "problem.badRequest", List.of());
			};
		}
	}
}
