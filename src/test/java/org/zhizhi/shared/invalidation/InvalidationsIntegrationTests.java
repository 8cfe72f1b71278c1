package org.zhizhi.shared.invalidation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhizhi.ZhizhiIntegrationTest;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The announcements every node hears (issue 20): one made in a transaction is heard when it commits and never if it
 * rolls back; a key reaches the forgetters of its topic and no others; a node whose listening connection was cut
 * knows it, listens again and forgets everything once, since it cannot know what it missed. The node hears its own
 * announcements like any other node's, which is what these tests listen for.
 */
@ZhizhiIntegrationTest
class InvalidationsIntegrationTests {

	@Autowired
	Invalidations invalidations;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	EmbeddedPostgres postgres;

	@Test
	void anAnnouncementIsHeardWhenItsTransactionCommitsAndNeverIfItRollsBack() {
		String topic = topic();
		List<String> heard = listen(topic);
		String other = topic();
		List<String> heardByOther = listen(other);
		TransactionTemplate transaction = new TransactionTemplate(transactions);

		transaction.executeWithoutResult(status -> {
			invalidations.announce(topic, "rolled-back");
			status.setRollbackOnly();
		});
		transaction.executeWithoutResult(status -> {
			invalidations.announce(topic, "committed");
			// heard by now, had it left before the commit: one made on another thread, outside any transaction,
			// leaves at once
			Thread outside = Thread.ofPlatform().start(() -> invalidations.announce(topic, "marker"));
			join(outside);
			await().atMost(Duration.ofSeconds(5)).until(() -> heard.contains("marker"));
			assertThat(heard).containsExactly("marker");
		});
		await().atMost(Duration.ofSeconds(5)).until(() -> heard.contains("committed"));

		assertThat(heard).containsExactly("marker", "committed");
		assertThat(heardByOther).isEmpty();
	}

	@Test
	void aNodeThatLostItsListeningConnectionListensAgainAndForgetsEverythingOnce() {
		String topic = topic();
		List<String> heard = listen(topic);
		await().atMost(Duration.ofSeconds(10)).until(invalidations::listening);
		int cut = invalidations.backend();

		new JdbcTemplate(postgres.getPostgresDatabase()).queryForList("select pg_terminate_backend(?)", cut);

		await().atMost(Duration.ofSeconds(10))
			.until(() -> invalidations.listening() && invalidations.backend() != cut && heard.contains(""));
		assertThat(heard).containsExactly("");
		invalidations.announce(topic, "after");
		await().atMost(Duration.ofSeconds(5)).until(() -> heard.contains("after"));
	}

	@Test
	void aTopicIsOneWord() {
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> invalidations.announce("two words"));
	}

	private static void join(Thread thread) {
		try {
			thread.join(Duration.ofSeconds(10));
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static String topic() {
		return "test." + UUID.randomUUID();
	}

	private List<String> listen(String topic) {
		List<String> heard = new CopyOnWriteArrayList<>();
		invalidations.onAnnounced(topic, heard::add);
		return heard;
	}
}
