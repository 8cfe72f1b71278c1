package org.zhizhi.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What a listener gathers from the steps of one transaction, handed over once, just before the transaction commits:
 * a group of writes in one transaction (an intake group of new reports, issue 16) then costs one statement per kind
 * for all of them instead of one per step, and what it writes still commits with them or not at all. Outside a
 * transaction there is nothing to wait for: the one item is handed over at once.
 */
public final class BeforeCommit {

	private BeforeCommit() {
	}

	/**
	 * Adds the item to what the key (the listener itself) has gathered in this transaction; the first item of the
	 * transaction registers the hand-over of them all, in the order they came.
	 */
	public static <T> void gather(Object key, T item, Consumer<List<T>> atCommit) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			atCommit.accept(List.of(item));
			return;
		}
		@SuppressWarnings("unchecked")
		List<T> gathered = (List<T>) TransactionSynchronizationManager.getResource(key);
		if (gathered == null) {
			List<T> items = new ArrayList<>();
			TransactionSynchronizationManager.bindResource(key, items);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void beforeCommit(boolean readOnly) {
					atCommit.accept(items);
				}

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(key);
				}
			});
			gathered = items;
		}
		gathered.add(item);
	}
}
