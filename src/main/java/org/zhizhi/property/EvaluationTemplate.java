package org.zhizhi.property;

import java.util.List;

/**
 * A criteria template of the evaluation engine (三强三好 today; party branches' standards later): classes of criteria,
 * each with its points, the evidence it asks for and where its mark comes from.
 */
public record EvaluationTemplate(String code, String name, String sourceNote, List<TemplateClass> classes) {

	/** One class (类) of a template with its criteria in order. */
	public record TemplateClass(String code, String name, List<Criterion> criteria) {

		public int points() {
			return criteria.stream().mapToInt(Criterion::points).sum();
		}
	}

	/** One criterion (细则): which standard of the template it serves (党建强 …), its points and evidence. */
	public record Criterion(String code, String classCode, String standard, String text, int points, String evidence,
			CriterionSource source) {

		public boolean inspectable() {
			return source == CriterionSource.INSPECTION;
		}
	}

	public List<Criterion> criteria() {
		return classes.stream().flatMap(c -> c.criteria().stream()).toList();
	}

	/** The criteria an inspector checks on site, in the template's order: a monthly inspection's checklist. */
	public List<Criterion> checklist() {
		return criteria().stream().filter(Criterion::inspectable).toList();
	}

	public int points() {
		return classes.stream().mapToInt(TemplateClass::points).sum();
	}

	public java.util.Optional<Criterion> criterion(String code) {
		return criteria().stream().filter(c -> c.code().equals(code)).findFirst();
	}
}
