package org.zhizhi.property.persistence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.property.CriterionSource;
import org.zhizhi.property.EvaluationTemplate;
import org.zhizhi.property.EvaluationTemplate.Criterion;
import org.zhizhi.property.EvaluationTemplate.TemplateClass;

/** The evaluation templates, shipped as data by the migrations; read whole (52 rows are nothing to cache). */
@Repository
public class JdbcTemplates {

	private final JdbcClient jdbc;

	JdbcTemplates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<EvaluationTemplate> template(String code) {
		return jdbc.sql("SELECT code, name, source_note FROM property.template WHERE code = :c")
			.param("c", code)
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) })
			.optional()
			.map(t -> new EvaluationTemplate(t[0], t[1], t[2], classes(t[0])));
	}

	private List<TemplateClass> classes(String template) {
		Map<String, String> names = new LinkedHashMap<>();
		jdbc.sql("SELECT code, name FROM property.template_class WHERE template_code = :t ORDER BY position")
			.param("t", template)
			.query((rs, n) -> names.put(rs.getString(1), rs.getString(2)))
			.list();
		Map<String, List<Criterion>> byClass = new LinkedHashMap<>();
		names.keySet().forEach(c -> byClass.put(c, new ArrayList<>()));
		jdbc.sql("""
				SELECT code, class_code, standard, text, points, evidence, source FROM property.criterion
				 WHERE template_code = :t ORDER BY position""")
			.param("t", template)
			.query((rs, n) -> new Criterion(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getInt(5), rs.getString(6), CriterionSource.valueOf(rs.getString(7))))
			.list()
			.forEach(c -> byClass.get(c.classCode()).add(c));
		return names.entrySet().stream()
			.map(e -> new TemplateClass(e.getKey(), e.getValue(), List.copyOf(byClass.get(e.getKey()))))
			.toList();
	}
}
