package org.zhizhi.territory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.FieldProblem;

/**
 * Where a node may hang and how it is coded. Districts, streets and communities carry the 12-digit statistical division
 * code (区划代码) and share its prefix with their parent (6 digits for a street in its district, 9 for a community in its
 * street); a grid appends 3 digits to its community's code and a micro-grid 2 to its grid's.
 */
final class OrgUnitRules {

	private static final Pattern TWELVE_DIGITS = Pattern.compile("\\d{12}");

	private static final Map<OrgLevel, Set<String>> KINDS = Map.of(OrgLevel.STREET, Set.of("SUBDISTRICT", "TOWN"),
			OrgLevel.COMMUNITY, Set.of("URBAN", "VILLAGE"), OrgLevel.GRID, Set.of("RESIDENTIAL", "PARK"));

	private OrgUnitRules() {
	}

	static void check(NewOrgUnit node, OrgUnit parent) {
		List<FieldProblem> problems = new ArrayList<>();
		if (node.name() == null || node.name().isBlank() || node.name().length() > 60) {
			problems.add(new FieldProblem("name", "territory.name.invalid"));
		}
		if (node.level() == null) {
			problems.add(new FieldProblem("level", "validation.required"));
		}
		else {
			if (parent == null ? node.level() != OrgLevel.CITY
					: node.level().parentLevel().filter(parent.level()::equals).isEmpty()) {
				problems.add(new FieldProblem("level", "territory.level.misplaced"));
			}
			if (!codeFits(node.level(), node.code(), parent)) {
				problems.add(new FieldProblem("code", "territory.code.invalid"));
			}
			Set<String> kinds = KINDS.get(node.level());
			if (kinds != null && (node.kind() == null || !kinds.contains(node.kind()))) {
				problems.add(new FieldProblem("kind", "territory.kind.invalid", String.join(", ", kinds)));
			}
			if (kinds == null && node.kind() != null) {
				problems.add(new FieldProblem("kind", "territory.kind.notApplicable"));
			}
		}
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
	}

	static boolean codeFits(OrgLevel level, String code, OrgUnit parent) {
		if (code == null) {
			return false;
		}
		return switch (level) {
			case CITY -> TWELVE_DIGITS.matcher(code).matches();
			case DISTRICT -> TWELVE_DIGITS.matcher(code).matches() && samePrefix(code, parent, 2);
			case STREET -> TWELVE_DIGITS.matcher(code).matches() && samePrefix(code, parent, 6);
			case COMMUNITY -> TWELVE_DIGITS.matcher(code).matches() && samePrefix(code, parent, 9);
			case GRID -> appends(code, parent, 3);
			case MICRO_GRID -> appends(code, parent, 2);
		};
	}

	private static boolean samePrefix(String code, OrgUnit parent, int digits) {
		return parent != null && parent.code().regionMatches(0, code, 0, digits);
	}

	private static boolean appends(String code, OrgUnit parent, int digits) {
		return parent != null && code.length() == parent.code().length() + digits && code.startsWith(parent.code())
				&& code.substring(parent.code().length()).chars().allMatch(Character::isDigit);
	}
}
