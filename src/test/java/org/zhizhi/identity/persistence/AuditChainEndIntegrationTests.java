package org.zhizhi.identity.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhizhi.ApiClient;
import org.zhizhi.ZhizhiIntegrationTest;
import org.zhizhi.identity.AuditEntry;
import org.zhizhi.identity.AuditSeal;
import org.zhizhi.shared.BeforeCommit;

/**
 * Issue 16: a group's audit entries are sealed against the chain's head as the last join of this process left it —
 * reading it, locked, was a round trip of the intake's serial lane. When another process has moved the head meanwhile,
 * the database refuses the entries and the transaction with them, and the next joins read the head: the chain is
 * never written out of order and stays intact.
 */
@ZhizhiIntegrationTest
class AuditChainEndIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditSeal seal;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	Clock clock;

	/** This process's end of the chain, as the platform's own is when its intake writes a group. */
	private final AuditChainAppender.ChainEnd ours = new AuditChainAppender.ChainEnd();

	@Test
	void entriesSealedOnAHeadAnotherProcessMovedAreRefusedAndTheNextJoinReadsTheHead() {
		String run = UUID.randomUUID().toString();
		inHandOver(entry(run, "first"));
		// another process, with its own end of the chain, joins an entry of its own
		new TransactionTemplate(transactions).executeWithoutResult(status -> AuditChainAppender.join(jdbc, seal,
				new AuditChainAppender.ChainEnd(), List.of(entry(run, "elsewhere"))));

		assertThatThrownBy(() -> inHandOver(entry(run, "sealed on the head as we left it")))
			.isInstanceOf(ConcurrencyFailureException.class)
			.hasMessageContaining("the audit chain moved on");
		inHandOver(entry(run, "after the refusal"));

		assertThat(column("detail", String.class, run)).containsExactly("first", "elsewhere", "after the refusal");
		List<Long> seqs = column("chain_seq", Long.class, run);
		assertThat(seqs.get(2) - seqs.get(0)).as("nothing else joined the chain meanwhile").isEqualTo(2);
		assertThat(jdbc.sql("SELECT seq FROM identity.audit_chain_head WHERE id = 1").query(Long.class).single())
			.isEqualTo(seqs.get(2));
		ApiClient api = new ApiClient(port);
		ApiClient.Response chain = api.get("/api/v1/audit-entries/chain", api.tokenOf("auditor"));
		assertThat(chain.status()).as(chain.brief()).isEqualTo(200);
		assertThat(chain.json().path("intact").asBoolean()).as(chain.brief()).isTrue();
	}

	/** Joins the entry at a transaction's hand-over, as the audit trail does for a group of reports. */
	private void inHandOver(AuditEntry entry) {
		new TransactionTemplate(transactions).executeWithoutResult(status -> BeforeCommit.gather(this, entry,
				gathered -> AuditChainAppender.join(jdbc, seal, ours, gathered)));
	}

	private <T> List<T> column(String column, Class<T> type, String run) {
		return jdbc.sql("SELECT " + column + " FROM identity.audit_entry WHERE object_id = :run ORDER BY chain_seq")
			.param("run", run)
			.query(type)
			.list();
	}

	private AuditEntry entry(String run, String detail) {
		return new AuditEntry(UUID.randomUUID(), clock.instant(), null, "it-chain-end", null, "127.0.0.1",
				"TEST_CHAIN_END", "test", run, AuditEntry.Outcome.SUCCESS, detail);
	}
}
