package org.zhizhi.open311;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.incident.IncidentCategory;
import org.zhizhi.incident.IncidentQueries;

/**
 * The Open311 services: one per active incident category (service_code = category code, group = its class), with the
 * attributes this module defines for some of them.
 */
@Service
@Transactional(readOnly = true)
public class ServiceCatalog {

	public record Service(IncidentCategory category, boolean metadata) {
	}

	public record AttributeValue(String key, String name) {
	}

	public record Attribute(String code, String datatype, boolean required, String description,
			String datatypeDescription, int order, List<AttributeValue> values) {

		public boolean listed() {
			return datatype.endsWith("valuelist");
		}
	}

	public record Definition(IncidentCategory category, List<Attribute> attributes) {
	}

	private final IncidentQueries incidents;

	private final JdbcClient jdbc;

	ServiceCatalog(IncidentQueries incidents, JdbcClient jdbc) {
		this.incidents = incidents;
		this.jdbc = jdbc;
	}

	public List<Service> services() {
		List<String> withAttributes = jdbc.sql("select distinct service_code from open311.service_attribute")
			.query(String.class)
			.list();
		return incidents.categories()
			.stream()
			.map(c -> new Service(c, withAttributes.contains(c.code())))
			.toList();
	}

	public Optional<IncidentCategory> category(String code) {
		return incidents.categories().stream().filter(c -> c.code().equals(code)).findFirst();
	}

	public Optional<Definition> definition(String code) {
		return category(code).map(c -> new Definition(c, attributes(code)));
	}

	List<Attribute> attributes(String code) {
		Map<String, List<AttributeValue>> values = new LinkedHashMap<>();
		jdbc.sql("""
				select attribute_code, key, name from open311.service_attribute_value
				 where service_code = :code order by attribute_code, sort_order, key""")
			.param("code", code)
			.query((rs, n) -> {
				values.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
					.add(new AttributeValue(rs.getString(2), rs.getString(3)));
				return null;
			})
			.list();
		return jdbc.sql("""
				select code, datatype, required, description, datatype_description, sort_order
				  from open311.service_attribute where service_code = :code order by sort_order, code""")
			.param("code", code)
			.query((rs, n) -> new Attribute(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4),
					rs.getString(5), rs.getInt(6), values.getOrDefault(rs.getString(1), List.of())))
			.list();
	}
}
