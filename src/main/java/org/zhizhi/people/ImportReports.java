package org.zhizhi.people;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.zhizhi.people.ResidentImports.ImportProblem;
import org.zhizhi.people.ResidentImports.ImportReport;
import org.zhizhi.people.persistence.ImportChecks;
import org.zhizhi.people.persistence.ImportChecks.ImportCheck;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.Ids;

import tools.jackson.databind.json.JsonMapper;

/**
 * The report of an import check that ran in the background, kept for a day so that whoever ran it can leave and come
 * back to it from his jobs; the checked rows themselves still wait in {@code pending_import} as for any check.
 */
@Service
public class ImportReports {

	private static final Duration KEEP = Duration.ofDays(1);

	private final ImportChecks checks;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	ImportReports(ImportChecks checks, Clock clock) {
		this.checks = checks;
		this.clock = clock;
	}

	/** Keeps the report and answers its id. */
	public UUID keep(Actor actor, ImportReport report) {
		UUID id = Ids.newId(clock);
		checks.insert(id, actor.userId(), clock.instant(), clock.instant().plus(KEEP), new ImportCheck(report.rows(),
				report.households(), report.id(), json.writeValueAsString(report.problems())));
		return id;
	}

	/** The actor's own kept report; anyone else's answers 404 as one that does not exist. */
	public ImportReport report(Actor actor, UUID id) {
		PeopleRoles.requireWrite(actor);
		ImportCheck check = checks.find(id, actor.userId(), clock.instant())
			.orElseThrow(() -> DomainException.notFound("import"));
		return ImportReport.of(check.pendingId(), check.rows(), check.households(),
				List.of(json.readValue(check.problems(), ImportProblem[].class)));
	}
}
