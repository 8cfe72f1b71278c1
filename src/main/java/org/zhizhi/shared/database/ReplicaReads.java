package org.zhizhi.shared.database;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.zhizhi.shared.ReplicaRead;

/**
 * The thread's mark that it is inside a {@link ReplicaRead}: set around every call of a marked method by
 * {@link Mark} (an advisor of {@link ReplicaConfiguration}), asked by {@link ReplicaRouting} when a connection is really
 * taken — at the first statement, once the transaction's read-only flag is known.
 */
final class ReplicaReads {

	private static final ThreadLocal<Boolean> MARKED = ThreadLocal.withInitial(() -> Boolean.FALSE);

	private ReplicaReads() {
	}

	/**
	 * Whether the statement about to run may be answered by the replica: inside a marked read, in a read-only
	 * transaction. A read-write transaction begun inside a marked read (a job's progress, an audit entry) writes, and
	 * a statement outside any transaction might, so both stay on the primary.
	 */
	static boolean replicaMayAnswer() {
		return MARKED.get() && TransactionSynchronizationManager.isActualTransactionActive()
				&& TransactionSynchronizationManager.isCurrentTransactionReadOnly();
	}

	/** Marks the thread for the call of a {@link ReplicaRead} method, and restores what was before (calls nest). */
	static final class Mark implements MethodInterceptor {

		@Override
		public Object invoke(MethodInvocation invocation) throws Throwable {
			if (MARKED.get()) {
				return invocation.proceed();
			}
			MARKED.set(Boolean.TRUE);
			try {
				return invocation.proceed();
			}
			finally {
				MARKED.remove();
			}
		}
	}
}
