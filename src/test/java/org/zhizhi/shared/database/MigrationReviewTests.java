package org.zhizhi.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhizhi.shared.database.MigrationReview.Finding;
import org.zhizhi.shared.database.MigrationReview.Migration;

/**
 * The migration review check (issue 20, docs/operations.md "Upgrades"): every migration newer than the last release
 * only adds, or is the marked contract step of an expand step that shipped — so the previous release's jar keeps
 * working while a rolling upgrade runs both. The rule itself is shown on samples and on the platform's own history:
 * migrations that changed the schema destructively before the rule began would be refused were they new.
 */
class MigrationReviewTests {

	private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

	@Test
	void everyMigrationSinceTheLastReleaseOnlyAddsOrIsAMarkedContractStep() throws IOException {
		MigrationReview review = MigrationReview.ofRecordedRelease();

		List<Finding> findings = review.review(MigrationReview.readAll(MIGRATIONS));

		assertThat(findings).as("""
				a migration newer than the last release (db/released-migrations.properties) may only add; a destructive \
				step waits for the next release, marked '-- contract: V<n>' after its expand step V<n> shipped""")
			.isEmpty();
	}

	@Test
	void theRecordedReleaseNamesOnlyModulesAndVersionsThatExist() throws IOException {
		List<Migration> all = MigrationReview.readAll(MIGRATIONS);

		// a typo here would exempt a module's future migrations, or review none of them
		MigrationReview.ofRecordedRelease().released().forEach((module, version) -> assertThat(all)
			.as("%s V%d", module, version)
			.anyMatch(m -> m.module().equals(module) && m.version() == version));
	}

	@Test
	void theDestructiveStepsOfThePlatformsOwnHistoryWouldBeRefusedWereTheyNew() throws IOException {
		List<Migration> all = MigrationReview.readAll(MIGRATIONS);
		// the release before each of these migrations
		Map<String, Integer> before = new HashMap<>(MigrationReview.ofRecordedRelease().released());
		before.put("incident", 4);
		before.put("open311", 1);

		List<Finding> findings = MigrationReview.releasedAt(before).review(all);

		assertThat(findings).extracting(Finding::toString).contains(
				"incident/V5__dispatch_units_deadlines_escalation.sql: makes a column NOT NULL",
				"incident/V6__kpi_rollup.sql: renames",
				"incident/V8__attachments_reopen_rotation.sql: changes a column's type",
				// its DDL runs from strings in a DO block
				"incident/V18__partition_by_district.sql: drops a table, schema, view, type, sequence or function",
				"incident/V18__partition_by_district.sql: renames",
				"incident/V20__kpi_cohorts.sql: empties a table",
				"open311/V2__widen_request_update_action.sql: changes a column's type");
	}

	@Test
	void refusesWhatThePreviousJarCannotLiveWith() {
		assertThat(problems("ALTER TABLE t DROP COLUMN c;")).containsExactly("drops a column");
		assertThat(problems("alter table t drop c, add column d text;")).containsExactly("drops a column");
		assertThat(problems("DROP TABLE IF EXISTS t;")).containsExactly(
				"drops a table, schema, view, type, sequence or function");
		assertThat(problems("ALTER TABLE t RENAME COLUMN a TO b;")).containsExactly("renames");
		assertThat(problems("alter table t alter column c type bigint;")).containsExactly("changes a column's type");
		assertThat(problems("ALTER TABLE t ALTER c SET DATA TYPE text;")).containsExactly("changes a column's type");
		assertThat(problems("ALTER TABLE t ALTER COLUMN c SET NOT NULL;")).containsExactly("makes a column NOT NULL");
		assertThat(problems("TRUNCATE t;")).containsExactly("empties a table");
		assertThat(problems("ALTER TABLE t ADD COLUMN c uuid NOT NULL;"))
			.containsExactly("adds a NOT NULL column without a default: add column c uuid not null");
	}

	@Test
	void letsAdditiveStepsPass() {
		assertThat(problems("""
				CREATE TABLE t2 (id uuid PRIMARY KEY, name text NOT NULL);
				ALTER TABLE t ADD COLUMN c text;
				ALTER TABLE t ADD COLUMN d int NOT NULL DEFAULT 0;
				ALTER TABLE t ALTER COLUMN e DROP NOT NULL, ALTER COLUMN f DROP DEFAULT;
				ALTER TABLE t ADD CONSTRAINT t_c_check CHECK (c IS NOT NULL) NOT VALID;
				CREATE INDEX CONCURRENTLY t_c_idx ON t (c);
				DROP INDEX IF EXISTS t_old_idx;
				CREATE TRIGGER t_no_truncate BEFORE UPDATE OR DELETE OR TRUNCATE ON t EXECUTE FUNCTION f();
				-- comments may say drop table, rename or set not null
				/* and so may blocks: ALTER TABLE t DROP COLUMN c */
				INSERT INTO t (c) VALUES ('名称');""")).isEmpty();
	}

	@Test
	void aContractStepPassesOnlyOnceItsExpandStepHasShipped() {
		Migration expand = new Migration("m", 3, "V3__add_new_name.sql", "ALTER TABLE t ADD COLUMN new_name text;");
		Migration contract = new Migration("m", 4, "V4__drop_old_name.sql", """
				-- contract: V3
				ALTER TABLE t DROP COLUMN old_name;""");

		assertThat(MigrationReview.releasedAt(Map.of("m", 3)).review(List.of(expand, contract))).isEmpty();
		assertThat(MigrationReview.releasedAt(Map.of("m", 2)).review(List.of(expand, contract)))
			.extracting(Finding::problem)
			.containsExactly("is marked the contract step of V3, which has not shipped yet (the last release has V2)");
		assertThat(MigrationReview.releasedAt(Map.of("m", 3)).review(List.of(contract)))
			.extracting(Finding::problem)
			.containsExactly("is marked the contract step of V3, which does not exist");
	}

	private static List<String> problems(String sql) {
		return MigrationReview.releasedAt(Map.of())
			.review(List.of(new Migration("m", 1, "V1__sample.sql", sql)))
			.stream()
			.map(Finding::problem)
			.toList();
	}
}
