package org.zhizhi.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

/** A transaction's gathered items reach the listener once, all together, just before the commit. */
class BeforeCommitTests {

	private final List<List<String>> handedOver = new ArrayList<>();

	@AfterEach
	void endTransaction() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			// as a transaction ends: its synchronizations see it complete, then they are cleared
			TransactionSynchronizationUtils.triggerAfterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK);
			TransactionSynchronizationManager.clearSynchronization();
		}
	}

	@Test
	void handsOverEverythingGatheredInATransactionOnceBeforeItCommits() {
		TransactionSynchronizationManager.initSynchronization();
		BeforeCommit.gather(this, "first", handedOver::add);
		BeforeCommit.gather(this, "second", handedOver::add);
		assertThat(handedOver).isEmpty();

		TransactionSynchronizationUtils.triggerBeforeCommit(false);
		assertThat(handedOver).containsExactly(List.of("first", "second"));

		TransactionSynchronizationUtils.triggerAfterCompletion(TransactionSynchronization.STATUS_COMMITTED);
		assertThat(TransactionSynchronizationManager.hasResource(this)).isFalse();
	}

	@Test
	void keepsEachListenersItemsApart() {
		TransactionSynchronizationManager.initSynchronization();
		Object other = new Object();
		BeforeCommit.gather(this, "mine", handedOver::add);
		BeforeCommit.gather(other, "its", handedOver::add);

		TransactionSynchronizationUtils.triggerBeforeCommit(false);
		assertThat(handedOver).containsExactlyInAnyOrder(List.of("mine"), List.of("its"));
	}

	@Test
	void handsOverInTheOrderTheListenersCameAndWhatIsGatheredMeanwhileAfterThem() {
		TransactionSynchronizationManager.initSynchronization();
		Object late = new Object();
		BeforeCommit.gather(this, "first", items -> {
			handedOver.add(items);
			BeforeCommit.gather(late, "gathered during the hand-over", handedOver::add);
			BeforeCommit.gather(this, "again, after its turn", handedOver::add);
		});
		BeforeCommit.gather(late, "second", handedOver::add);

		TransactionSynchronizationUtils.triggerBeforeCommit(false);
		assertThat(handedOver).containsExactly(List.of("first"),
				List.of("second", "gathered during the hand-over"), List.of("again, after its turn"));
	}

	@Test
	void refusesACollectionForAStatementSentTogether() {
		org.assertj.core.api.Assertions
			.assertThatIllegalArgumentException()
			.isThrownBy(() -> BeforeCommit.statement("select :ids").param("ids", List.of(1, 2)))
			.withMessageContaining("array");
	}

	@Test
	void handsOverAtOnceOutsideATransaction() {
		BeforeCommit.gather(this, "alone", handedOver::add);
		assertThat(handedOver).containsExactly(List.of("alone"));
	}
}
