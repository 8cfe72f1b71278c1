package org.zhizhi.property;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.property.persistence.JdbcTemplates;

/**
 * The evaluation engine's templates for other modules: a template by its code (the party module assesses its branches
 * against {@code PARTY_BRANCH}); the arithmetic is {@link Scorecard}'s. Templates are shipped data, the same for every
 * scope.
 */
@Service
@Transactional(readOnly = true)
public class EvaluationTemplates {

	/** The yearly assessment of a party branch (党支部标准化规范化建设), property/V24. */
	public static final String PARTY_BRANCH = "PARTY_BRANCH";

	private final JdbcTemplates templates;

	EvaluationTemplates(JdbcTemplates templates) {
		this.templates = templates;
	}

	public Optional<EvaluationTemplate> template(String code) {
		return templates.template(code);
	}
}
