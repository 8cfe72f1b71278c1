package org.zhizhi.shared;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;

import org.springframework.stereotype.Component;
import org.zhizhi.shared.DomainException.FieldProblem;

/**
 * The shape of a command record — what a request must carry whatever the state of the thing it acts on: required
 * fields, lengths, ranges — checked with Bean Validation and refused as the platform's one kind of input refusal, a
 * {@link DomainException#invalid} with its field problems. The API renders them as a problem's {@code errors[]}, the
 * forms beside their fields, both through the message bundles in the user's language, as every other field problem.
 * <p>
 * So a constraint's {@code message} is a bundle key in braces ({@code "{incident.noteTooLong}"}), and the message's
 * {@code {0}} is the constraint's bound: its {@code max} (as {@code @Size} and {@code @Range} have), else its
 * {@code value} ({@code @Max}) — but a {@link TextLength} names both, {@code {0}} to {@code {1}}, and a
 * {@link PlausibleDate} its years back and ahead. The field is the
 * violation's path as the JSON names it ({@code note},
 * {@code coUnits[0].task}); the problems come in the order the record declares its components, so that an answer
 * names its fields in the same order every time.
 */
@Component
public class CommandShape {

	private static final List<String> BOUNDS = List.of("max", "value");

	private final Validator validator;

	public CommandShape(Validator validator) {
		this.validator = validator;
	}

	/** Refuses the command if its shape is wrong; otherwise hands it back. */
	public <C> C check(C command) {
		List<FieldProblem> problems = problems(command);
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
		return command;
	}

	/**
	 * Refuses the command if its shape is wrong or the rules checked beside it found problems ({@code more}: a value
	 * that must name something of this community, a date that depends on today), all told at once in the order of
	 * the record's components, as one refusal would have told them; otherwise hands it back.
	 */
	public <C> C check(C command, List<FieldProblem> more) {
		List<String> order = componentNames(command.getClass());
		List<FieldProblem> all = new ArrayList<>(problems(command));
		all.addAll(more);
		if (!all.isEmpty()) {
			// a stable sort: within one field, the shape's problem first
			all.sort(Comparator.comparingInt(p -> position(order, p.field())));
			throw DomainException.invalid(all);
		}
		return command;
	}

	/** What is wrong with the command's shape, in its components' order; empty when nothing is. */
	public List<FieldProblem> problems(Object command) {
		List<String> order = componentNames(command.getClass());
		// a field told once per message: two constraints may share one (a required and a range both saying "1–720")
		Set<SameProblem> problems = new LinkedHashSet<>();
		validator.validate(command)
			.stream()
			.sorted(Comparator.<ConstraintViolation<Object>>comparingInt(v -> position(order, v.getPropertyPath()))
				.thenComparing(v -> v.getPropertyPath().toString())
				.thenComparing(ConstraintViolation::getMessageTemplate))
			.map(CommandShape::problem)
			.forEach(problems::add);
		return problems.stream().map(SameProblem::asFieldProblem).toList();
	}

	private static SameProblem problem(ConstraintViolation<?> violation) {
		String template = violation.getMessageTemplate();
		String key = template.startsWith("{") && template.endsWith("}") ? template.substring(1, template.length() - 1)
				: template;
		Map<String, Object> attributes = violation.getConstraintDescriptor().getAttributes();
		if (violation.getConstraintDescriptor().getAnnotation() instanceof TextLength) {
			// a length between two bounds names both
			return new SameProblem(violation.getPropertyPath().toString(), key,
					new Object[] { attributes.get("min"), attributes.get("max") });
		}
		if (violation.getConstraintDescriptor().getAnnotation() instanceof PlausibleDate) {
			return new SameProblem(violation.getPropertyPath().toString(), key,
					new Object[] { attributes.get("yearsBack"), attributes.get("yearsAhead") });
		}
		Object[] args = BOUNDS.stream()
			.filter(attributes::containsKey)
			.findFirst()
			.map(bound -> new Object[] { attributes.get(bound) })
			.orElseGet(() -> new Object[0]);
		return new SameProblem(violation.getPropertyPath().toString(), key, args);
	}

	private static List<String> componentNames(Class<?> type) {
		RecordComponent[] components = type.getRecordComponents();
		return components == null ? List.of() : Arrays.stream(components).map(RecordComponent::getName).toList();
	}

	private static int position(List<String> order, String field) {
		String root = field.split("[.\\[]", 2)[0];
		int index = order.indexOf(root);
		return index < 0 ? order.size() : index;
	}

	private static int position(List<String> order, Path path) {
		var nodes = path.iterator();
		int index = nodes.hasNext() ? order.indexOf(nodes.next().getName()) : -1;
		return index < 0 ? order.size() : index;
	}

	/**
	 * A field problem compared by its content: {@link FieldProblem}'s arguments are an array, which a record compares
	 * by identity, so two equal problems would both be told.
	 */
	private record SameProblem(String field, String messageKey, List<Object> args) {

		SameProblem(String field, String messageKey, Object[] args) {
			this(field, messageKey, List.of(args));
		}

		FieldProblem asFieldProblem() {
			return new FieldProblem(field, messageKey, args.toArray());
		}
	}
}
