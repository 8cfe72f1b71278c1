package org.zhizhi.command.sentinel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhizhi.command.RuleKind;
import org.zhizhi.command.sentinel.persistence.JdbcAlerts;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.Ids;
import org.zhizhi.shared.Role;
import org.zhizhi.shared.scheduling.ClusterSchedules;
import org.zhizhi.territory.Installation;
import org.zhizhi.territory.OrgLevel;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.OrgUnitFilter;
import org.zhizhi.territory.OrgUnitQueries;

/**
 * 智能哨兵: a pass reads every enabled rule of a district, asks its detector for the facts, and raises an alert for
 * every fact the rule fires on — unless one of the same condition is open, which the database's partial unique index
 * decides (two passes at once, on one node or two, raise each condition once). It runs on a schedule, once across
 * nodes, and on demand from the rules page. Each rule's alerts are written in a transaction of their own, so a
 * detector that fails leaves the other rules' alerts raised.
 */
@Service
public class Sentinel {

	private static final Logger log = LoggerFactory.getLogger(Sentinel.class);

	/** What a pass did: per kind, how many facts met their rule, and how many of them raised a new alert. */
	public record Pass(Map<RuleKind, Integer> met, Map<RuleKind, Integer> raised) {

		public int raisedTotal() {
			return raised.values().stream().mapToInt(Integer::intValue).sum();
		}
	}

	private final Map<RuleKind, Detector> detectors = new EnumMap<>(RuleKind.class);

	private final Rules rules;

	private final JdbcAlerts alerts;

	private final OrgUnitQueries orgUnits;

	private final Installation installation;

	private final ClusterSchedules schedules;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final boolean passAtStart;

	Sentinel(List<Detector> detectors, Rules rules, JdbcAlerts alerts, OrgUnitQueries orgUnits,
			Installation installation, ClusterSchedules schedules, PlatformTransactionManager transactions,
			Clock clock, @Value("${zhizhi.command.sentinel-at-start:true}") boolean passAtStart) {
		this.passAtStart = passAtStart;
		detectors.forEach(d -> this.detectors.put(d.kind(), d));
		this.rules = rules;
		this.alerts = alerts;
		this.orgUnits = orgUnits;
		this.installation = installation;
		this.schedules = schedules;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${zhizhi.command.sentinel-interval:15m}",
			initialDelayString = "${zhizhi.command.sentinel-interval:15m}")
	void scheduled() {
		// once across nodes: a node that finds the pass running elsewhere skips it (the index would keep the alerts
		// single anyway; the lock saves the second node the reading)
		schedules.runOnce("command.sentinel", Duration.ofMinutes(10), this::runAll);
	}

	/**
	 * A pass once the platform is up (after the demo's loading, an application runner): a fresh installation shows its
	 * alerts at once rather than after the first interval.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void atStart() {
		if (passAtStart) {
			schedules.runOnce("command.sentinel", Duration.ofMinutes(10), this::runAll);
		}
	}

	/** One pass over every district, acting for nobody (the scheduled pass). */
	public void runAll() {
		Instant now = clock.instant();
		for (OrgUnit district : orgUnits.list(installation.whole(), new OrgUnitFilter(null, null, OrgLevel.DISTRICT))) {
			Pass pass = run(district.scope(), district.id(), now);
			if (pass.raisedTotal() > 0) {
				log.info("Sentinel: {} alert(s) raised in {}", pass.raisedTotal(), district.name());
			}
		}
	}

	/** A pass over the district's admin's own district, now. */
	public Pass runFor(Actor actor) {
		if (!actor.has(Role.DISTRICT_ADMIN)) {
			throw new DomainException(Category.FORBIDDEN, "FORBIDDEN", "problem.forbidden");
		}
		UUID district = DataScope.districtOf(actor.scope().path());
		OrgUnit unit = orgUnits.find(actor.scope(), district).orElseThrow(() -> DomainException.notFound("district"));
		return run(unit.scope(), district, clock.instant());
	}

	/** One pass over a district at {@code now}. */
	public Pass run(DataScope district, UUID districtId, Instant now) {
		Map<RuleKind, Integer> met = new EnumMap<>(RuleKind.class);
		Map<RuleKind, Integer> raised = new EnumMap<>(RuleKind.class);
		for (Rule rule : rules.ofDistrict(districtId)) {
			Detector detector = detectors.get(rule.kind());
			if (!rule.enabled() || detector == null) {
				continue;
			}
			try {
				int[] counts = transactions.execute(status -> raise(rule, detector.facts(district, rule.windowDays(),
						now), now));
				met.put(rule.kind(), counts[0]);
				raised.put(rule.kind(), counts[1]);
			}
			catch (RuntimeException e) {
				log.warn("Sentinel: rule {} of district {} failed; the other rules ran", rule.kind(), districtId, e);
			}
		}
		return new Pass(met, raised);
	}

	/** The facts the rule fires on become alerts, one per condition; answers how many met it and how many were new. */
	int[] raise(Rule rule, List<Fact> facts, Instant now) {
		int met = 0;
		int raised = 0;
		for (Fact fact : facts) {
			if (!rule.firesOn(fact)) {
				continue;
			}
			met++;
			Alert alert = Alert.raise(Ids.newId(clock), rule, fact, now);
			if (alerts.raise(alert)) {
				alerts.insert(new AlertStep(Ids.newId(clock), alert.id(), null, alert.state(), now, null, AlertStep.SENTINEL,
						null));
				raised++;
			}
		}
		return new int[] { met, raised };
	}
}
