package org.zhizhi.command.sentinel;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.command.CommandRoles;
import org.zhizhi.command.RuleKind;
import org.zhizhi.command.sentinel.AlertCommands.UpdateRule;
import org.zhizhi.command.sentinel.persistence.JdbcRules;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.CommandShape;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.Ids;
import org.zhizhi.shared.Role;

/**
 * A district's rules: one of each kind, starting from the kind's defaults the first time the district is looked at;
 * its admin changes threshold, window, owner, hours and whether it runs. The desks of the district read them (they say
 * what raises their alerts). A change is saved against the rule's version: of two admins saving at once, one wins.
 */
@Service
public class Rules {

	/** Whom a rule may name as the owner of what it raises. */
	public static final Set<Role> OWNER_ROLES = EnumSet.of(Role.DISTRICT_ADMIN, Role.STREET_STAFF,
			Role.COMMUNITY_STAFF, Role.GRID_WORKER);

	private final JdbcRules rules;

	private final CommandShape shape;

	private final Clock clock;

	Rules(JdbcRules rules, CommandShape shape, Clock clock) {
		this.rules = rules;
		this.shape = shape;
		this.clock = clock;
	}

	/** The district's rules, in the kinds' order; those it lacks are made with the defaults first. */
	@Transactional
	public List<Rule> ofDistrict(UUID districtId) {
		List<Rule> found = rules.ofDistrict(districtId);
		if (found.size() < RuleKind.values().length) {
			for (RuleKind kind : RuleKind.values()) {
				rules.insertIfMissing(Rule.defaults(Ids.newId(clock), districtId, kind, clock.instant()));
			}
			found = rules.ofDistrict(districtId);
		}
		return found;
	}

	/** The rules of the reader's district. */
	@Transactional
	public List<Rule> of(Actor actor) {
		if (!CommandRoles.readsAlerts(actor)) {
			throw new DomainException(Category.FORBIDDEN, "FORBIDDEN", "problem.forbidden");
		}
		return ofDistrict(DataScope.districtOf(actor.scope().path()));
	}

	/** Its district's admin changes a rule: the shape, then the kind's bounds, then the versioned save. */
	@Transactional
	public Rule update(Actor actor, UUID id, UpdateRule command) {
		UUID district = DataScope.districtOf(actor.scope().path());
		Rule rule = rules.find(id)
			.filter(r -> r.districtId().equals(district) && CommandRoles.readsAlerts(actor))
			.orElseThrow(() -> DomainException.notFound("rule"));
		if (!CommandRoles.editsRules(actor)) {
			throw new DomainException(Category.FORBIDDEN, "FORBIDDEN", "problem.forbidden");
		}
		List<FieldProblem> more = new ArrayList<>();
		RuleKind kind = rule.kind();
		if (command.threshold() != null
				&& (command.threshold() < kind.minThreshold() || command.threshold() > kind.maxThreshold())) {
			more.add(new FieldProblem("threshold", "command.thresholdRange", kind.minThreshold(), kind.maxThreshold()));
		}
		if (command.ownerRole() != null && !OWNER_ROLES.contains(command.ownerRole())) {
			more.add(new FieldProblem("ownerRole", "command.ownerRole"));
		}
		shape.check(command, more);
		Rule changed = new Rule(rule.id(), rule.districtId(), kind, command.threshold(), command.windowDays(),
				command.ownerRole(), command.handleWithinHours(), command.enabled(), clock.instant(),
				actor.displayName(), rule.version());
		if (!rules.save(changed)) {
			throw new DomainException(Category.CONFLICT, "RULE_CHANGED", "command.ruleChanged");
		}
		return rules.find(id).orElseThrow();
	}
}
