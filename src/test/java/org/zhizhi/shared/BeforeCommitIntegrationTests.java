package org.zhizhi.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhizhi.ZhizhiIntegrationTest;

/**
 * The statements the listeners write at a transaction's hand-over go to PostgreSQL together, after the last listener
 * (issue 16): a listener's read does not see what one before it sent, all of them commit, and one that fails takes
 * the others and the transaction's own writes with it.
 */
@ZhizhiIntegrationTest
class BeforeCommitIntegrationTests {

	@Autowired
	DataSource pool;

	/** One connection of the pool for the test, so that its temporary table lives through the transactions. */
	private SingleConnectionDataSource connection;

	private JdbcClient jdbc;

	private PlatformTransactionManager transactions;

	private final Object first = new Object();

	private final Object second = new Object();

	@BeforeEach
	void createTable() throws SQLException {
		connection = new SingleConnectionDataSource(pool.getConnection(), true);
		jdbc = JdbcClient.create(connection);
		transactions = new DataSourceTransactionManager(connection);
		jdbc.sql("CREATE TEMPORARY TABLE before_commit_probe (n int NOT NULL, label text)").update();
	}

	@AfterEach
	void dropTable() {
		jdbc.sql("DROP TABLE before_commit_probe").update();
		connection.destroy(); // the connection back to the pool
	}

	@Test
	void sendsTheListenersStatementsTogetherAfterTheLastOfThem() {
		List<Long> seenBySecond = new ArrayList<>();
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			jdbc.sql("INSERT INTO before_commit_probe VALUES (0, 'the transaction''s own')").update();
			BeforeCommit.gather(first, 1, items -> BeforeCommit
				.statement("INSERT INTO before_commit_probe SELECT unnest(:ns), :label")
				.param("ns", items.toArray(Integer[]::new))
				.param("label", "first::text")
				.send(jdbc));
			BeforeCommit.gather(first, 2, items -> {
			});
			BeforeCommit.gather(second, 3, items -> {
				seenBySecond.add(jdbc.sql("SELECT count(*) FROM before_commit_probe").query(Long.class).single());
				BeforeCommit.statement("INSERT INTO before_commit_probe VALUES (:n, CAST(:label AS text))")
					.param("n", items.getFirst())
					.param("label", "second")
					.send(jdbc);
			});
		});
		assertThat(seenBySecond).as("the first listener's statement was not sent yet").containsExactly(1L);
		assertThat(jdbc.sql("SELECT n || ' ' || label FROM before_commit_probe ORDER BY n")
			.query(String.class)
			.list()).containsExactly("0 the transaction's own", "1 first::text", "2 first::text", "3 second");
	}

	@Test
	void aStatementThatFailsTakesTheOthersAndTheTransactionWithIt() {
		assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
			jdbc.sql("INSERT INTO before_commit_probe VALUES (0, 'own')").update();
			BeforeCommit.gather(first, 1, items -> BeforeCommit
				.statement("INSERT INTO before_commit_probe VALUES (:n, 'first')")
				.param("n", items.getFirst())
				.send(jdbc));
			BeforeCommit.gather(second, 2, items -> BeforeCommit
				.statement("INSERT INTO before_commit_probe VALUES (:n, 'second')")
				.param("n", null)
				.send(jdbc));
		})).isInstanceOf(DataIntegrityViolationException.class);
		assertThat(jdbc.sql("SELECT count(*) FROM before_commit_probe").query(Long.class).single()).isZero();
	}
}
