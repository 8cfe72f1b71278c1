package org.zhizhi.open311;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.incident.Channel;
import org.zhizhi.incident.IdempotentResult;
import org.zhizhi.incident.IncidentView;
import org.zhizhi.incident.IncidentAction;
import org.zhizhi.incident.IncidentCategory;
import org.zhizhi.incident.IncidentManagement;
import org.zhizhi.incident.IncidentQueries;
import org.zhizhi.incident.IncidentState;
import org.zhizhi.incident.RejectReason;
import org.zhizhi.incident.ReportIncident;
import org.zhizhi.incident.Tier;
import org.zhizhi.open311.Open311Refusal.Error;
import org.zhizhi.open311.ServiceCatalog.Attribute;
import org.zhizhi.open311.ServiceCatalog.AttributeValue;
import org.zhizhi.territory.Installation;
import org.zhizhi.shared.Ids;
import org.zhizhi.shared.ReplicaRead;
import org.zhizhi.shared.Sha256;
import org.zhizhi.territory.OrgLevel;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.OrgUnitQueries;

import tools.jackson.databind.json.JsonMapper;

/**
 * Service requests as Open311 sees incidents: submitted through {@link IncidentManagement#report} and read through
 * {@link IncidentQueries}, showing only the public fields of the specification — never the reporter — and only the
 * incidents {@link Publication} lets the public see. That is checked on the incident as it is when read, so neither a
 * lagging index nor a guessed id shows an incident that has just been triaged as private.
 */
@Service
public class ServiceRequests {

	/**
	 * The channel of every Open311 report.
	 */
	static final Channel CHANNEL = Channel.OPEN311;

	/** The specification's default window of GET requests, and its largest answer. */
	public static final int DEFAULT_DAYS = 90;

	public static final int MAX_RESULTS = 1000;

	static final int MAX_KEY = 128;

	static final int MAX_ATTRIBUTE = 200;

	/** Form fields of the specification that this platform accepts but neither stores nor forwards (personal data). */
	static final List<String> CONTACT_FIELDS = List.of("email", "device_id", "account_id", "first_name", "last_name",
			"phone");

	public record ServiceRequest(UUID id, String serviceCode, String serviceName, String description,
			IncidentState state, RejectReason rejectReason, String agency, String address, Instant requestedAt,
			Instant updatedAt, Instant expectedAt, double lat, double lng) {

		public boolean closed() {
			return RequestIndex.closed(state);
		}
	}

	public record Filter(List<String> ids, List<String> serviceCodes, Instant start, Instant end, Boolean closed,
			int page, int pageSize) {
	}

	public record Page<T>(List<T> items, boolean more) {
	}

	public record RequestUpdate(UUID id, UUID requestId, IncidentAction action, IncidentState state, Instant at) {

		public boolean closed() {
			return RequestIndex.closed(state);
		}
	}

	public record Submitted(UUID serviceRequestId, UUID token) {
	}

	private final IncidentManagement management;

	private final IncidentQueries incidents;

	private final ServiceCatalog catalog;

	private final ApiClients clients;

	private final OrgUnitQueries orgUnits;

	private final Installation installation;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	private final MessageSource messages;

	ServiceRequests(IncidentManagement management, IncidentQueries incidents, ServiceCatalog catalog,
			ApiClients clients, OrgUnitQueries orgUnits, Installation installation, JdbcClient jdbc, JsonMapper json,
			Clock clock, MessageSource messages) {
		this.messages = messages;
		this.management = management;
		this.incidents = incidents;
		this.catalog = catalog;
		this.clients = clients;
		this.orgUnits = orgUnits;
		this.installation = installation;
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	// --- submitting ---------------------------------------------------------------------------------------------

	/**
	 * Reports an incident for a client. Idempotent per client: under the caller's {@code Idempotency-Key} header if
	 * it sends one, otherwise under a key derived from a hash of the whole form (api_key and lang left out), so that
	 * an exact replay of a form — a client retrying after a lost answer — answers the same request and token instead
	 * of reporting twice. The incident and the token are written in one transaction.
	 */
	@Transactional
	public Submitted submit(Open311Client client, String idempotencyKey, Map<String, List<String>> form) {
		List<Error> errors = new ArrayList<>();
		String code = first(form, "service_code");
		IncidentCategory category = null;
		if (code == null) {
			errors.add(new Error(400, "service_code", "open311.required"));
		}
		else {
			category = catalog.category(code).orElse(null);
			if (category == null) {
				errors.add(new Error(400, "service_code", "open311.unknownService", code));
			}
		}
		Double lat = number(form, "lat", errors);
		Double lng = number(form, "long", errors);
		if (lat == null || lng == null) {
			boolean addressOnly = first(form, "address_string") != null || first(form, "address_id") != null;
			if (lat == null && !errors.stream().anyMatch(e -> "lat".equals(e.field()))) {
				errors.add(new Error(400, "lat", addressOnly ? "open311.positionNeeded" : "open311.required"));
			}
			if (lng == null && !errors.stream().anyMatch(e -> "long".equals(e.field()))) {
				errors.add(new Error(400, "long", addressOnly ? "open311.positionNeeded" : "open311.required"));
			}
		}
		List<String> details = category == null ? List.of() : attributes(code, form, errors);
		if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY)) {
			errors.add(new Error(400, "Idempotency-Key", "open311.badIdempotencyKey", MAX_KEY));
		}
		if (!errors.isEmpty()) {
			throw new Open311Refusal(400, errors);
		}
		String key = idempotencyKey != null ? idempotencyKey : "open311-form-" + Sha256.hex(canonical(form));
		IdempotentResult result = management.reportThroughOpen311(clients.actorFor(client), key,
				new ReportIncident(CHANNEL, code, description(category, form, details), lat, lng));
		UUID requestId = UUID.fromString(json.readTree(result.body()).path("incident").path("id").asString());
		jdbc.sql("""
				insert into open311.submission (token, client_id, idempotency_key, service_request_id, submitted_at)
				values (:token, :client, :key, :request, :now) on conflict (client_id, idempotency_key) do nothing""")
			.param("token", Ids.newId(clock))
			.param("client", client.id())
			.param("key", key)
			.param("request", requestId)
			.param("now", Timestamp.from(clock.instant()))
			.update();
		UUID token = jdbc.sql("""
				select token from open311.submission where client_id = :client and idempotency_key = :key""")
			.param("client", client.id())
			.param("key", key)
			.query(UUID.class)
			.single();
		return new Submitted(requestId, token);
	}

	/** The attribute answers as lines for the description, checked against the service definition. */
	private List<String> attributes(String code, Map<String, List<String>> form, List<Error> errors) {
		List<Attribute> defined = catalog.attributes(code);
		Map<String, Attribute> byCode = defined.stream()
			.collect(Collectors.toMap(Attribute::code, Function.identity()));
		Map<String, List<String>> given = new HashMap<>();
		form.forEach((name, values) -> {
			if (name.startsWith("attribute[")) {
				int end = name.indexOf(']');
				String attribute = end < 0 ? name : name.substring("attribute[".length(), end);
				if (!byCode.containsKey(attribute)) {
					errors.add(new Error(400, name, "open311.unknownAttribute", attribute, code));
				}
				else {
					values.stream()
						.filter(v -> v != null && !v.isBlank())
						.forEach(v -> given.computeIfAbsent(attribute, a -> new ArrayList<>()).add(v.strip()));
				}
			}
		});
		List<String> lines = new ArrayList<>();
		for (Attribute attribute : defined) {
			String field = "attribute[" + attribute.code() + "]";
			List<String> values = given.getOrDefault(attribute.code(), List.of());
			if (values.isEmpty()) {
				if (attribute.required()) {
					errors.add(new Error(400, field, "open311.required"));
				}
				continue;
			}
			if (!"multivaluelist".equals(attribute.datatype()) && values.size() > 1) {
				errors.add(new Error(400, field, "open311.oneValue"));
				continue;
			}
			List<String> shown = new ArrayList<>();
			for (String value : values) {
				String problem = check(attribute, value);
				if (problem != null) {
					errors.add(new Error(400, field, problem, value));
				}
				else {
					shown.add(attribute.listed() ? attribute.values()
						.stream()
						.filter(v -> v.key().equals(value))
						.map(AttributeValue::name)
						.findFirst()
						.orElse(value) : value);
				}
			}
			lines.add(attribute.description() + "：" + String.join("、", shown));
		}
		return lines;
	}

	private static String check(Attribute attribute, String value) {
		if (value.length() > MAX_ATTRIBUTE) {
			return "open311.attributeTooLong";
		}
		switch (attribute.datatype()) {
			case "number" -> {
				try {
					new BigDecimal(value);
				}
				catch (NumberFormatException e) {
					return "open311.notANumber";
				}
			}
			case "datetime" -> {
				try {
					OffsetDateTime.parse(value);
				}
				catch (DateTimeParseException e) {
					return "open311.notADatetime";
				}
			}
			case "singlevaluelist", "multivaluelist" -> {
				if (attribute.values().stream().noneMatch(v -> v.key().equals(value))) {
					return "open311.notAListedValue";
				}
			}
			default -> {
				// free text
			}
		}
		return null;
	}

	/** The text staff read: the client's description (or the service name), the attribute answers, the address. */
	private String description(IncidentCategory category, Map<String, List<String>> form,
			List<String> details) {
		String given = first(form, "description");
		StringBuilder text = new StringBuilder(given != null ? given : category.name());
		details.forEach(line -> text.append('\n').append(line));
		String address = first(form, "address_string");
		if (address != null) {
			// the address keeps its label in the platform's language, like the rest of the text staff read
			text.append('\n').append(messages.getMessage("open311.addressLine", new Object[] { address },
					Locale.SIMPLIFIED_CHINESE));
		}
		return text.toString();
	}

	/** The form as one text independent of field order, without the key and the language switch. */
	private static String canonical(Map<String, List<String>> form) {
		StringBuilder text = new StringBuilder();
		new TreeMap<>(form).forEach((name, values) -> {
			if (!name.equals("api_key") && !name.equals("lang")) {
				text.append(name).append('\u0000').append(String.join("\u0001", values)).append('\u0000');
			}
		});
		return text.toString();
	}

	private static String first(Map<String, List<String>> form, String name) {
		List<String> values = form.get(name);
		if (values == null) {
			return null;
		}
		return values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).findFirst().orElse(null);
	}

	private static Double number(Map<String, List<String>> form, String name, List<Error> errors) {
		String text = first(form, name);
		if (text == null) {
			return null;
		}
		try {
			double value = Double.parseDouble(text);
			if (Double.isFinite(value)) {
				return value;
			}
		}
		catch (NumberFormatException e) {
			// told below
		}
		errors.add(new Error(400, name, "open311.notANumber", text));
		return null;
	}

	// --- reading --------------------------------------------------------------------------------------------------

	@Transactional(readOnly = true)
	public Optional<ServiceRequest> find(UUID id) {
		Reader reader = new Reader();
		return incidents.view(installation.whole(), id).filter(reader::shown).map(reader::read);
	}

	/**
	 * The requests of a filter, newest first. A list of ids overrides every other filter (as the specification says);
	 * otherwise the index is filtered by requested date, status and service code and each hit read through
	 * {@link IncidentQueries}. The public list: a replica may answer (the steps after a report reach the index after
	 * their commit anyway); one request by its id or token stays on the primary, which a client asks right after its
	 * POST.
	 */
	@Transactional(readOnly = true)
	@ReplicaRead
	public Page<ServiceRequest> search(Filter filter) {
		Reader reader = new Reader();
		if (!filter.ids().isEmpty()) {
			List<ServiceRequest> found = filter.ids()
				.stream()
				.distinct()
				.limit(MAX_RESULTS)
				.map(ServiceRequests::uuid)
				.flatMap(Optional::stream)
				.map(id -> incidents.view(installation.whole(), id))
				.flatMap(Optional::stream)
				.filter(reader::shown)
				.map(reader::read)
				.toList();
			return new Page<>(found, false);
		}
		StringBuilder sql = new StringBuilder("""
				select incident_id from open311.request_index
				 where published and requested_at >= :start and requested_at <= :end""");
		if (!filter.serviceCodes().isEmpty()) {
			sql.append(" and service_code in (:codes)");
		}
		if (filter.closed() != null) {
			sql.append(" and closed = :closed");
		}
		sql.append(" order by requested_at desc, incident_id desc limit :limit offset :offset");
		var statement = jdbc.sql(sql.toString())
			.param("start", Timestamp.from(filter.start()))
			.param("end", Timestamp.from(filter.end()))
			.param("limit", filter.pageSize() + 1)
			.param("offset", (filter.page() - 1) * filter.pageSize());
		if (!filter.serviceCodes().isEmpty()) {
			statement = statement.param("codes", filter.serviceCodes());
		}
		if (filter.closed() != null) {
			statement = statement.param("closed", filter.closed());
		}
		List<UUID> ids = statement.query(UUID.class).list();
		boolean more = ids.size() > filter.pageSize();
		List<ServiceRequest> found = ids.stream()
			.limit(filter.pageSize())
			.map(id -> incidents.view(installation.whole(), id))
			.flatMap(Optional::stream)
			.filter(reader::shown)
			.map(reader::read)
			.toList();
		return new Page<>(found, more);
	}

	/**
	 * The steps of every public request between two instants, oldest first (the servicerequestupdates extension): only
	 * of requests the index holds as public, and each checked again on the incident as it is now. A replica may answer.
	 */
	@Transactional(readOnly = true)
	@ReplicaRead
	public Page<RequestUpdate> updates(Instant start, Instant end, int page, int pageSize) {
		List<RequestUpdate> found = jdbc.sql("""
				select u.id, u.incident_id, u.action, u.to_state, u.occurred_at from open311.request_update u
				  join open311.request_index r on r.incident_id = u.incident_id and r.published
				 where u.occurred_at >= :start and u.occurred_at <= :end
				 order by u.occurred_at, u.id limit :limit offset :offset""")
			.param("start", Timestamp.from(start))
			.param("end", Timestamp.from(end))
			.param("limit", pageSize + 1)
			.param("offset", (page - 1) * pageSize)
			.query((rs, n) -> new RequestUpdate(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					IncidentAction.valueOf(rs.getString(3)), IncidentState.valueOf(rs.getString(4)),
					rs.getTimestamp(5).toInstant()))
			.list();
		boolean more = found.size() > pageSize;
		Reader reader = new Reader();
		Map<UUID, Boolean> shown = new HashMap<>();
		List<RequestUpdate> visible = (more ? found.subList(0, pageSize) : found).stream()
			.filter(u -> shown.computeIfAbsent(u.requestId(),
					id -> incidents.view(installation.whole(), id).filter(reader::shown).isPresent()))
			.toList();
		return new Page<>(visible, more);
	}

	/** The request a token of a POST became. */
	@Transactional(readOnly = true)
	public Optional<UUID> requestOfToken(UUID token) {
		return jdbc.sql("select service_request_id from open311.submission where token = :token")
			.param("token", token)
			.query(UUID.class)
			.optional();
	}

	static Optional<UUID> uuid(String text) {
		try {
			return Optional.of(UUID.fromString(text.strip()));
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}

	/** Reads incidents into requests, looking each category and each grid's places up once. */
	private final class Reader {

		private final Map<String, IncidentCategory> categories = new HashMap<>();

		private final Map<UUID, List<OrgUnit>> lineages = new HashMap<>();

		boolean shown(IncidentView incident) {
			return Publication.shown(incident, category(incident));
		}

		private IncidentCategory category(IncidentView incident) {
			if (categories.isEmpty()) {
				incidents.categories().forEach(c -> categories.put(c.code(), c));
			}
			return categories.get(incident.categoryCode());
		}

		ServiceRequest read(IncidentView incident) {
			IncidentCategory category = category(incident);
			// the places from the root down to the grid: the address (most specific first) and the responsible unit
			List<OrgUnit> lineage = lineages.computeIfAbsent(incident.gridId(),
					grid -> orgUnits.lineage(installation.whole(), grid));
			List<String> names = new ArrayList<>();
			for (int i = lineage.size() - 1; i >= 0; i--) {
				names.add(lineage.get(i).name());
			}
			OrgLevel level = switch (incident.tier() == null ? Tier.GRID : incident.tier()) {
				case GRID -> OrgLevel.GRID;
				case COMMUNITY -> OrgLevel.COMMUNITY;
				case STREET -> OrgLevel.STREET;
				case DISTRICT -> OrgLevel.DISTRICT;
			};
			String agency = lineage.stream()
				.filter(u -> u.level() == level)
				.map(OrgUnit::name)
				.findFirst()
				.orElse(names.isEmpty() ? null : names.get(0));
			// the specification: a closed request's updated_datetime is the moment it was closed
			Instant updated = incident.closedAt() != null && RequestIndex.closed(incident.state())
					? incident.closedAt() : incident.updatedAt();
			return new ServiceRequest(incident.id(), incident.categoryCode(),
					category == null ? incident.categoryCode() : category.name(),
					Publication.description(incident, category, messages),
					incident.state(), incident.rejectReason(), agency, names.isEmpty() ? null : String.join(", ", names),
					incident.reportedAt(), updated, incident.closedAt() == null ? incident.resolveDueAt() : null,
					Publication.coordinate(incident.lat(), category), Publication.coordinate(incident.lng(), category));
		}
	}
}
