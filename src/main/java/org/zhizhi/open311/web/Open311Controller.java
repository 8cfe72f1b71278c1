package org.zhizhi.open311.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.zhizhi.incident.IdempotencyConflict;
import org.zhizhi.open311.ApiClients;
import org.zhizhi.open311.Open311Client;
import org.zhizhi.open311.Open311Refusal;
import org.zhizhi.open311.ServiceCatalog;
import org.zhizhi.open311.ServiceCatalog.Attribute;
import org.zhizhi.open311.ServiceRequests;
import org.zhizhi.open311.ServiceRequests.Filter;
import org.zhizhi.open311.ServiceRequests.Page;
import org.zhizhi.open311.ServiceRequests.RequestUpdate;
import org.zhizhi.open311.ServiceRequests.ServiceRequest;
import org.zhizhi.open311.ServiceRequests.Submitted;
import org.zhizhi.shared.DomainException;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) and the servicerequestupdates extension. Every answer
 * is JSON or XML as the path's suffix says; errors are the specification's list of {code, description}. GETs are
 * public; a POST needs an api_key. Timestamps carry the installation's offset (+08:00).
 */
@RestController
@RequestMapping("/open311/v2")
@Tag(name = "open311", description = "Open311 GeoReport v2: services are the incident categories, requests are "
		+ "incidents (public fields only). Suffix .json or .xml; POST needs api_key (demo: zhizhi-demo-key)")
class Open311Controller {

	static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";

	/** The date this endpoint last changed in a way clients could notice (discovery's changeset). */
	static final String CHANGESET = "2026-11-24T00:00:00+08:00";

	static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

	private final ApiClients clients;

	private final ServiceCatalog catalog;

	private final ServiceRequests requests;

	private final MessageSource messages;

	private final JsonMapper json;

	private final Clock clock;

	private final ZoneId zone;

	private final Open311Query query;

	Open311Controller(ApiClients clients, ServiceCatalog catalog, ServiceRequests requests, MessageSource messages,
			JsonMapper json, Clock clock, ZoneId zone) {
		this.clients = clients;
		this.catalog = catalog;
		this.requests = requests;
		this.messages = messages;
		this.json = json;
		this.clock = clock;
		this.zone = zone;
		this.query = new Open311Query(clock, zone);
	}

	@GetMapping("/discovery.{format}")
	@Operation(summary = "Service discovery: where the endpoint is, its formats and how to get a key")
	ResponseEntity<String> discovery(@PathVariable String format) {
		Map<String, Object> endpoint = new LinkedHashMap<>();
		endpoint.put("specification", SPECIFICATION);
		endpoint.put("url", ServletUriComponentsBuilder.fromCurrentContextPath().path("/open311/v2").toUriString());
		endpoint.put("changeset", CHANGESET);
		endpoint.put("type", "production");
		endpoint.put("formats", List.of(Open311Formats.XML.getType() + "/" + Open311Formats.XML.getSubtype(),
				Open311Formats.JSON.getType() + "/" + Open311Formats.JSON.getSubtype()));
		Map<String, Object> discovery = new LinkedHashMap<>();
		discovery.put("changeset", CHANGESET);
		discovery.put("contact", text("open311.discovery.contact"));
		discovery.put("key_service", text("open311.discovery.keyService"));
		discovery.put("endpoints", List.of(endpoint));
		return answer(format, "discovery", null, discovery);
	}

	@GetMapping("/services.{format}")
	@Operation(summary = "The services: one per active incident category; group is its class")
	ResponseEntity<String> services(@PathVariable String format) {
		List<Map<String, Object>> services = catalog.services().stream().map(s -> {
			Map<String, Object> service = new LinkedHashMap<>();
			service.put("service_code", s.category().code());
			service.put("service_name", s.category().name());
			service.put("description", s.category().className() + " / " + s.category().name());
			service.put("metadata", s.metadata());
			service.put("type", "realtime");
			service.put("keywords", s.category().classCode());
			service.put("group", s.category().className());
			return service;
		}).toList();
		return answer(format, "services", "service", services);
	}

	@GetMapping("/services/{code}.{format}")
	@Operation(summary = "The service definition: the attributes a request of this service may or must carry")
	ResponseEntity<String> definition(@Parameter(description = "service_code") @PathVariable String code,
			@PathVariable String format) {
		var definition = catalog.definition(code)
			.orElseThrow(() -> Open311Refusal.of(404, "service_code", "open311.unknownService", code));
		List<Map<String, Object>> attributes = new ArrayList<>();
		for (Attribute a : definition.attributes()) {
			Map<String, Object> attribute = new LinkedHashMap<>();
			attribute.put("variable", true);
			attribute.put("code", a.code());
			attribute.put("datatype", a.datatype());
			attribute.put("required", a.required());
			attribute.put("datatype_description", a.datatypeDescription());
			attribute.put("order", a.order());
			attribute.put("description", a.description());
			if (a.listed()) {
				attribute.put("values", a.values().stream().map(v -> {
					Map<String, Object> value = new LinkedHashMap<>();
					value.put("key", v.key());
					value.put("name", v.name());
					return value;
				}).toList());
			}
			attributes.add(attribute);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("service_code", definition.category().code());
		body.put("attributes", attributes);
		return answer(format, "service_definition", null, body);
	}

	@PostMapping("/requests.{format}")
	@Operation(summary = "Report: form fields api_key, service_code, lat, long, address_string, description, "
			+ "attribute[CODE]…; idempotent per client (Idempotency-Key header, or a hash of the form)")
	ResponseEntity<String> submit(@PathVariable String format,
			@Parameter(description = "Optional: the client's own key for this submission; without it an exact "
					+ "replay of the form answers the same request") @RequestHeader(name = "Idempotency-Key",
							required = false) String idempotencyKey,
			@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> form) {
		Open311Client client = clients.byKey(form.getFirst("api_key"))
			.orElseThrow(() -> Open311Refusal.of(403, "api_key", "open311.badKey"));
		Submitted submitted = requests.submit(client, idempotencyKey, form);
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("service_request_id", submitted.serviceRequestId().toString());
		answer.put("token", submitted.token().toString());
		answer.put("service_notice", text("open311.serviceNotice"));
		return answer(format, "service_requests", "request", List.of(answer));
	}

	@GetMapping("/requests.{format}")
	@Operation(summary = "Requests, newest first: by ids (comma list, overrides the rest), or by service_code, "
			+ "start_date/end_date (default the last 90 days) and status open/closed; at most 1000 a page, "
			+ "page and page_size page on (a Link rel=next header says there is more)")
	ResponseEntity<String> search(@PathVariable String format,
			@RequestParam(name = "service_request_id", required = false) String ids,
			@RequestParam(name = "service_code", required = false) String serviceCode,
			@RequestParam(name = "start_date", required = false) String startDate,
			@RequestParam(name = "end_date", required = false) String endDate,
			@RequestParam(required = false) String status, @RequestParam(required = false) String page,
			@RequestParam(name = "page_size", required = false) String pageSize) {
		List<Open311Refusal.Error> errors = new ArrayList<>();
		Instant[] window = query.window(startDate, endDate, errors);
		Boolean closed = Open311Query.status(status, errors);
		int[] paging = Open311Query.paging(page, pageSize, errors);
		if (!errors.isEmpty()) {
			throw new Open311Refusal(400, errors);
		}
		Page<ServiceRequest> found = requests.search(new Filter(Open311Query.list(ids), Open311Query.list(serviceCode), window[0], window[1],
				closed, paging[0], paging[1]));
		return paged(answer(format, "service_requests", "request", found.items().stream().map(this::request).toList()),
				found.more(), paging[0]);
	}

	@GetMapping("/requests/{id}.{format}")
	@Operation(summary = "One request (a list of one, as the specification answers)")
	ResponseEntity<String> request(@Parameter(description = "service_request_id") @PathVariable String id,
			@PathVariable String format) {
		ServiceRequest found = ServiceRequestsIds.parse(id)
			.flatMap(requests::find)
			.orElseThrow(() -> Open311Refusal.of(404, "service_request_id", "open311.unknownRequest", id));
		return answer(format, "service_requests", "request", List.of(request(found)));
	}

	@GetMapping("/tokens/{token}.{format}")
	@Operation(summary = "The service_request_id a POST's token became")
	ResponseEntity<String> token(@PathVariable String token, @PathVariable String format) {
		UUID requestId = ServiceRequestsIds.parse(token)
			.flatMap(requests::requestOfToken)
			.orElseThrow(() -> Open311Refusal.of(404, "token", "open311.unknownToken", token));
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("service_request_id", requestId.toString());
		answer.put("token", token);
		return answer(format, "service_requests", "request", List.of(answer));
	}

	@GetMapping("/servicerequestupdates.{format}")
	@Operation(summary = "Extension: every step of every request between start_date and end_date (default the "
			+ "last 90 days), oldest first, as updates")
	ResponseEntity<String> updates(@PathVariable String format,
			@RequestParam(name = "start_date", required = false) String startDate,
			@RequestParam(name = "end_date", required = false) String endDate,
			@RequestParam(required = false) String page,
			@RequestParam(name = "page_size", required = false) String pageSize) {
		List<Open311Refusal.Error> errors = new ArrayList<>();
		Instant[] window = query.window(startDate, endDate, errors);
		int[] paging = Open311Query.paging(page, pageSize, errors);
		if (!errors.isEmpty()) {
			throw new Open311Refusal(400, errors);
		}
		Page<RequestUpdate> found = requests.updates(window[0], window[1], paging[0], paging[1]);
		List<Map<String, Object>> updates = found.items().stream().map(u -> {
			Map<String, Object> update = new LinkedHashMap<>();
			update.put("update_id", u.id().toString());
			update.put("service_request_id", u.requestId().toString());
			update.put("status", u.closed() ? "closed" : "open");
			update.put("updated_datetime", timestamp(u.at()));
			update.put("description", text("open311.update." + u.action().name()));
			return update;
		}).toList();
		return paged(answer(format, "service_request_updates", "request_update", updates), found.more(), paging[0]);
	}

	/** Anything else under /open311/v2 is unknown, said the Open311 way. */
	@Hidden
	@RequestMapping("/**")
	ResponseEntity<String> unknown() {
		throw Open311Refusal.of(404, null, "open311.unknownEndpoint");
	}

	// --- errors ----------------------------------------------------------------------------------------------------

	@ExceptionHandler(Open311Refusal.class)
	ResponseEntity<String> refused(Open311Refusal refusal, HttpServletRequest request) {
		List<Map<String, Object>> errors = refusal.errors()
			.stream()
			.map(e -> error(e.code(), e.field(), text(e.messageKey(), e.args())))
			.toList();
		return errors(request, refusal.status(), errors);
	}

	/** The incident module's refusals, its field names told as Open311's. */
	@ExceptionHandler(DomainException.class)
	ResponseEntity<String> domain(DomainException exception, HttpServletRequest request) {
		int status = exception instanceof IdempotencyConflict ? 422 : switch (exception.category()) {
			case INVALID -> 400;
			case NOT_FOUND -> 404;
			case CONFLICT -> 409;
			case FORBIDDEN -> 403;
		};
		List<Map<String, Object>> errors = new ArrayList<>();
		exception.fieldProblems()
			.forEach(p -> errors.add(error(status, field(p.field()), text(p.messageKey(), p.args()))));
		if (errors.isEmpty()) {
			errors.add(error(status, null, text(exception.messageKey(), exception.args())));
		}
		return errors(request, status, errors);
	}

	/** Spring's own refusals (wrong method, unreadable request) keep their status in Open311's shape. */
	@ExceptionHandler(Exception.class)
	ResponseEntity<String> failed(Exception exception, HttpServletRequest request) throws Exception {
		if (exception instanceof ErrorResponse response) {
			int status = response.getStatusCode().value();
			return errors(request, status, List.of(error(status, null, text("open311.unusable"))));
		}
		throw exception;
	}

	private ResponseEntity<String> errors(HttpServletRequest request, int status, List<Map<String, Object>> errors) {
		String format = request.getRequestURI().endsWith(".xml") ? "xml" : "json";
		return render(format, status, "errors", "error", errors);
	}

	private static Map<String, Object> error(int code, String field, String message) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("code", code);
		error.put("description", field == null ? message : field + ": " + message);
		return error;
	}

	/** The incident's field names as the Open311 form calls them. */
	private static String field(String incidentField) {
		return switch (incidentField) {
			case "categoryCode" -> "service_code";
			case "lng" -> "long";
			default -> incidentField;
		};
	}

	// --- answers -------------------------------------------------------------------------------------------------

	private Map<String, Object> request(ServiceRequest r) {
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("service_request_id", r.id().toString());
		request.put("status", r.closed() ? "closed" : "open");
		String note = text("open311.status." + r.state().name());
		if (r.rejectReason() != null) {
			note = note + text("open311.rejected." + r.rejectReason().name());
		}
		request.put("status_notes", note);
		request.put("service_name", r.serviceName());
		request.put("service_code", r.serviceCode());
		request.put("description", r.description());
		request.put("agency_responsible", r.agency());
		request.put("requested_datetime", timestamp(r.requestedAt()));
		request.put("updated_datetime", timestamp(r.updatedAt()));
		request.put("expected_datetime", r.expectedAt() == null ? null : timestamp(r.expectedAt()));
		request.put("address", r.address());
		request.put("lat", r.lat());
		request.put("long", r.lng());
		// media_url is left out: incident photos are served only to signed-in staff of the incident's scope
		request.values().removeIf(v -> v == null);
		return request;
	}

	private ResponseEntity<String> answer(String format, String root, String item, Object tree) {
		if (!format.equals("json") && !format.equals("xml")) {
			throw Open311Refusal.of(404, null, "open311.unknownFormat", format);
		}
		return render(format, 200, root, item, tree);
	}

	private ResponseEntity<String> render(String format, int status, String root, String item, Object tree) {
		prune(tree);
		boolean xml = format.equals("xml");
		return ResponseEntity.status(status)
			.contentType(xml ? Open311Formats.XML : Open311Formats.JSON)
			.body(xml ? Open311Formats.xml(root, item, tree) : Open311Formats.json(json, tree));
	}

	/** Leaves absent values out everywhere, so that JSON and XML show the same fields. */
	private static void prune(Object tree) {
		if (tree instanceof Map<?, ?> map) {
			map.values().removeIf(v -> v == null);
			map.values().forEach(Open311Controller::prune);
		}
		else if (tree instanceof List<?> list) {
			list.forEach(Open311Controller::prune);
		}
	}

	private static ResponseEntity<String> paged(ResponseEntity<String> answer, boolean more, int page) {
		if (!more) {
			return answer;
		}
		String next = ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", page + 1).toUriString();
		return ResponseEntity.status(answer.getStatusCode())
			.headers(answer.getHeaders())
			.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"")
			.body(answer.getBody());
	}

	private String timestamp(Instant instant) {
		return instant.atZone(zone).toOffsetDateTime().truncatedTo(ChronoUnit.SECONDS).format(TIMESTAMP);
	}

	private String text(String key, Object... args) {
		Locale locale = LocaleContextHolder.getLocale();
		return messages.getMessage(key, args, key, locale);
	}

	// --- query parameters ----------------------------------------------------------------------------------------

	/** UUIDs from path segments; anything else is simply not found. */
	private static final class ServiceRequestsIds {

		static java.util.Optional<UUID> parse(String text) {
			try {
				return java.util.Optional.of(UUID.fromString(text));
			}
			catch (IllegalArgumentException e) {
				return java.util.Optional.empty();
			}
		}
	}
}
