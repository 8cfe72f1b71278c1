package org.zhizhi.shared;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What a listener gathers from the steps of one transaction, handed over once, just before the transaction commits:
 * a group of writes in one transaction (an intake group of new reports, issue 16) then costs one statement per kind
 * for all of them instead of one per step, and what it writes still commits with them or not at all. Outside a
 * transaction there is nothing to wait for: the one item is handed over at once.
 *
 * <p>The statements the listeners write at the hand-over ({@link #statement}) are sent to PostgreSQL together, in one
 * round trip, after the last listener had its items: each statement apart is a round trip, and in the intake's serial
 * lane each round trip on a busy machine costs more than its statement. So a listener's reads at the hand-over see
 * what the transaction wrote before it, not what the listeners before it sent; the statements run in the order they
 * were sent, and the first that fails fails the commit.
 */
public final class BeforeCommit {

	/** The transaction's hand-over, bound to it as a resource under this key. */
	private static final Object HAND_OVER = new Object();

	private BeforeCommit() {
	}

	/**
	 * Adds the item to what the key (the listener itself) has gathered in this transaction; all that the listeners
	 * gathered is handed over in the order the keys first came, each key's items in the order they came. An item
	 * gathered during the hand-over is handed over after the others, in the same hand-over.
	 */
	public static <T> void gather(Object key, T item, Consumer<List<T>> atCommit) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			atCommit.accept(List.of(item));
			return;
		}
		HandOver handOver = (HandOver) TransactionSynchronizationManager.getResource(HAND_OVER);
		if (handOver == null) {
			handOver = new HandOver();
			TransactionSynchronizationManager.bindResource(HAND_OVER, handOver);
			TransactionSynchronizationManager.registerSynchronization(handOver);
		}
		handOver.gather(key, item, atCommit);
	}

	/** A statement with named parameters, written at the hand-over with the others ({@link #send}). */
	public static Statement statement(String sql) {
		return new Statement(sql);
	}

	/** A statement as {@link JdbcClient} takes one: SQL with named parameters. */
	public static final class Statement {

		private final String sql;

		private final Map<String, Object> params = new LinkedHashMap<>();

		private Statement(String sql) {
			this.sql = sql;
		}

		/**
		 * A parameter; a list of values goes as an array ({@code uuid[]}, {@code text[]}), not a collection: the
		 * statements sent together are bound by position, where a collection would not be expanded.
		 */
		public Statement param(String name, Object value) {
			if (value instanceof Iterable<?>) {
				throw new IllegalArgumentException("bind " + name + " as an array, not a collection");
			}
			params.put(name, value);
			return this;
		}

		/** Parameters by name, each as {@link #param} takes it. */
		public Statement params(Map<String, ?> named) {
			named.forEach(this::param);
			return this;
		}

		/**
		 * During a hand-over: sends the statement with the other listeners' statements, together, once the last
		 * listener had its items. Anywhere else, at once.
		 */
		public void send(JdbcClient jdbc) {
			HandOver handOver = TransactionSynchronizationManager.isSynchronizationActive()
					? (HandOver) TransactionSynchronizationManager.getResource(HAND_OVER) : null;
			if (handOver != null && handOver.handingOver) {
				handOver.send(jdbc, this);
			}
			else {
				jdbc.sql(sql).params(params).update();
			}
		}
	}

	/** A listener's items of one transaction and what it does with them. */
	private record Step<T>(Object key, List<T> items, Consumer<List<T>> atCommit) {

		void handOver() {
			atCommit.accept(items);
		}
	}

	/** One transaction's steps, in the order their keys came, and the statements sent while they are handed over. */
	private static final class HandOver implements TransactionSynchronization {

		private final List<Step<?>> steps = new ArrayList<>();

		/** The steps not yet handed over, by key: an item gathered later for a key starts a new step. */
		private final Map<Object, Step<?>> open = new IdentityHashMap<>();

		private final Map<JdbcClient, List<Statement>> sent = new LinkedHashMap<>();

		private boolean handingOver;

		@SuppressWarnings("unchecked")
		<T> void gather(Object key, T item, Consumer<List<T>> atCommit) {
			Step<T> step = (Step<T>) open.get(key);
			if (step == null) {
				step = new Step<>(key, new ArrayList<>(), atCommit);
				open.put(key, step);
				steps.add(step);
			}
			step.items().add(item);
		}

		void send(JdbcClient jdbc, Statement statement) {
			sent.computeIfAbsent(jdbc, j -> new ArrayList<>()).add(statement);
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			handingOver = true;
			try {
				for (int next = 0; next < steps.size(); next++) {
					Step<?> step = steps.get(next);
					if (open.get(step.key()) == step) {
						open.remove(step.key());
					}
					step.handOver();
				}
				sent.forEach(BeforeCommit::sendTogether);
			}
			finally {
				handingOver = false;
				sent.clear();
			}
		}

		@Override
		public void afterCompletion(int status) {
			TransactionSynchronizationManager.unbindResourceIfPossible(HAND_OVER);
		}
	}

	/**
	 * The statements as one: PostgreSQL's driver sends the statements of a multi-statement text one after the other
	 * and waits once for all their answers. The named parameters become positional, statement by statement.
	 */
	private static void sendTogether(JdbcClient jdbc, List<Statement> statements) {
		if (statements.size() == 1) {
			Statement only = statements.getFirst();
			jdbc.sql(only.sql).params(only.params).update();
			return;
		}
		StringBuilder sql = new StringBuilder();
		List<Object> values = new ArrayList<>();
		for (Statement statement : statements) {
			ParsedSql parsed = NamedParameterUtils.parseSqlStatement(statement.sql);
			MapSqlParameterSource params = new MapSqlParameterSource(statement.params);
			sql.append(NamedParameterUtils.substituteNamedParameters(parsed, params)).append(";\n");
			values.addAll(Arrays.asList(NamedParameterUtils.buildValueArray(parsed, params, null)));
		}
		jdbc.sql(sql.toString()).params(values).update();
	}
}
