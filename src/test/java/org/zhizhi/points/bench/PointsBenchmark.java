package org.zhizhi.points.bench;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhizhi.ZhizhiApplication;
import org.zhizhi.points.AccountKind;
import org.zhizhi.points.MovementKind;
import org.zhizhi.points.NewMovement;
import org.zhizhi.points.PointsAccount;
import org.zhizhi.points.PointsHistory;
import org.zhizhi.points.PointsQueries;
import org.zhizhi.points.Redemptions;
import org.zhizhi.points.Reward;
import org.zhizhi.points.Scheme;
import org.zhizhi.points.SchemeKind;
import org.zhizhi.points.Sponsor;
import org.zhizhi.points.persistence.JdbcLedger;
import org.zhizhi.points.persistence.JdbcSchemes;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.Role;

/**
 * The points benchmark (not a test): starts the platform on a fresh embedded PostgreSQL with the demo district, makes a
 * scheme of 巴南区 with 100,000 people, and
 * <ol>
 * <li>posts movements through the ledger's own {@code post} (entries, balances, the sum checked at commit), one
 * transaction each, on 8 threads — movements and entries per second;</li>
 * <li>loads the rest of 1,000,000 entries in bulk (500,000 earnings of two entries), the balances set from them;</li>
 * <li>times 500 reads each of a person's balance and of the board (top 50 of the district, and of one community),
 * and reports the median and the 95th percentile;</li>
 * <li>lets 50 people with points redeem the last one of a reward at once — exactly one must get it — and times
 * holding and confirming 2,000 redemptions on 8 threads.</li>
 * </ol>
 *
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
 * java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
 *     org.zhizhi.points.bench.PointsBenchmark [people, default 100000] [entries, default 1000000]
 * </pre>
 */
public final class PointsBenchmark {

	private PointsBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int people = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
		int entries = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
		try (ConfigurableApplicationContext app = SpringApplication.run(ZhizhiApplication.class,
				"--zhizhi.database.embedded.ephemeral=true", "--zhizhi.demo.enabled=true", "--server.port=0",
				"--management.server.port=0", "--logging.level.root=WARN")) {
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			JdbcLedger ledger = app.getBean(JdbcLedger.class);
			JdbcSchemes schemes = app.getBean(JdbcSchemes.class);
			Map<String, Object> banan = jdbc.sql("select id, path from territory.org_unit where name = '巴南区'")
				.query()
				.singleRow();
			Map<String, Object> dongcheng = jdbc.sql("select id, path from territory.org_unit where name = '东城社区'")
				.query()
				.singleRow();
			String bananPath = (String) banan.get("path");
			String dongchengPath = (String) dongcheng.get("path");
			UUID district = (UUID) banan.get("id");
			Scheme scheme = new Scheme(UUID.randomUUID(), "bench-" + UUID.randomUUID().toString().substring(0, 8), SchemeKind.VIRTUE,
					"基准测试积分", district, "巴南区", bananPath, district, BigDecimal.ONE, null, 7, Instant.now());
			schemes.insert(scheme);
			PointsAccount pool = ledger.account(scheme.id(), AccountKind.POOL, null, "pool", bananPath, district,
					Instant.now());

			// 100,000 people: a tenth of them in 东城社区, the rest elsewhere in the district
			long started = System.nanoTime();
			jdbc.sql("""
					insert into points.account (id, scheme_id, kind, holder_id, holder_name, scope_path, district_id,
					                            opened_at)
					select gen_random_uuid(), :scheme, 'PERSON', gen_random_uuid(), '居民' || n,
					       case when n % 10 = 0 then :dongcheng else :banan end, :district, now()
					  from generate_series(1, :people) n""")
				.param("scheme", scheme.id())
				.param("dongcheng", dongchengPath)
				.param("banan", bananPath)
				.param("district", district)
				.param("people", people)
				.update();
			List<UUID> accounts = jdbc.sql("select id from points.account where scheme_id = :s and kind = 'PERSON'")
				.param("s", scheme.id())
				.query(UUID.class)
				.list();
			System.out.printf("%,d accounts opened in %,d ms%n", accounts.size(), (System.nanoTime() - started) / 1_000_000);

			// 1. through the ledger's post, one movement a transaction, 8 threads
			int posted = Math.min(20_000, entries / 2);
			AtomicInteger next = new AtomicInteger();
			var tx = app.getBean(org.springframework.transaction.support.TransactionTemplate.class);
			started = System.nanoTime();
			ExecutorService pool8 = Executors.newFixedThreadPool(8);
			List<Future<?>> runs = new ArrayList<>();
			for (int t = 0; t < 8; t++) {
				runs.add(pool8.submit(() -> {
					int i;
					while ((i = next.getAndIncrement()) < posted) {
						int n = i;
						tx.executeWithoutResult(status -> ledger.post(new NewMovement(UUID.randomUUID(), scheme.id(),
								MovementKind.EARN, "bench:post:" + n, null, "基准", null, null, null, null, Instant.now(),
								district, NewMovement.transfer(pool.id(), accounts.get(n % accounts.size()), 5))));
					}
				}));
			}
			for (Future<?> run : runs) {
				run.get();
			}
			long postMs = (System.nanoTime() - started) / 1_000_000;
			System.out.printf("post: %,d movements (%,d entries) in %,d ms: %,.0f movements/s%n", posted, posted * 2,
					postMs, posted * 1000.0 / postMs);

			// 2. the rest of the entries in bulk: so many earnings for each person, his id carried in the reason so
			// that the entries need no join (a bulk load's shortcut; the ledger's own steps never do this)
			int perPerson = Math.max(1, (int) Math.ceil((entries - posted * 2) / 2.0 / accounts.size()));
			started = System.nanoTime();
			jdbc.sql("""
					insert into points.movement (id, scheme_id, kind, source_key, reason, at, district_id)
					select gen_random_uuid(), :scheme, 'EARN', 'bench:bulk:' || a.id || ':' || g, a.id::text,
					       now() - (g % 365) * interval '1 day', :district
					  from points.account a, generate_series(1, :per) g
					 where a.scheme_id = :scheme and a.kind = 'PERSON'""")
				.param("scheme", scheme.id())
				.param("district", district)
				.param("per", perPerson)
				.update();
			jdbc.sql("""
					insert into points.entry (movement_id, account_id, amount, at)
					select id, reason::uuid, 1 + abs(hashtext(source_key)) % 9, at from points.movement
					 where scheme_id = :scheme and source_key like 'bench:bulk:%'
					union all
					select id, :pool, -(1 + abs(hashtext(source_key)) % 9), at from points.movement
					 where scheme_id = :scheme and source_key like 'bench:bulk:%'""")
				.param("scheme", scheme.id())
				.param("pool", pool.id())
				.update();
			jdbc.sql("""
					update points.account a set balance = s.total, earned = s.earned
					  from (select e.account_id, sum(e.amount) total,
					               sum(case when e.amount > 0 then e.amount else 0 end) earned
					          from points.entry e join points.account x on x.id = e.account_id
					         where x.scheme_id = :scheme group by e.account_id) s
					 where a.id = s.account_id""")
				.param("scheme", scheme.id())
				.update();
			jdbc.sql("analyze points.account").update();
			jdbc.sql("analyze points.entry").update();
			long total = jdbc.sql("select count(*) from points.entry e join points.movement m on m.id = e.movement_id"
					+ " where m.scheme_id = :s").param("s", scheme.id()).query(Long.class).single();
			System.out.printf("bulk: %,d entries in the scheme after %,d ms; sound: %s%n", total,
					(System.nanoTime() - started) / 1_000_000,
					ledger.mismatches(scheme.id()).isEmpty() && ledger.sumOfEntries(scheme.id()) == 0);

			// 3. reads: a balance, the district's board, a community's board
			PointsQueries queries = app.getBean(PointsQueries.class);
			DataScope whole = new DataScope(district, bananPath);
			DataScope community = new DataScope((UUID) dongcheng.get("id"), dongchengPath);
			report("balance of a person", 500, i -> ledger.accountById(accounts.get((i * 7919) % accounts.size())));
			report("board of the district (top 50)", 500, i -> queries.ranking(scheme.id(), whole, true, 50));
			report("board of a community (top 50)", 500, i -> queries.ranking(scheme.id(), community, true, 50));

			// 4. redemptions: the last one in stock to exactly one of 50; then 2,000 held and confirmed on 8 threads
			PointsHistory history = app.getBean(PointsHistory.class);
			Redemptions redemptions = app.getBean(Redemptions.class);
			UUID liaison = jdbc.sql("select id from identity.account where username = 'shangjia01'").query(UUID.class)
				.single();
			Sponsor sponsor = history.sponsor(scheme.id(), "基准商家", null, liaison, Instant.now());
			Reward last = history.reward(sponsor, "最后一份", null, 5, 1, LocalDate.now().plusDays(30), "店里",
					Instant.now());
			List<PointsAccount> rich = jdbc.sql("select id from points.account where scheme_id = :s and kind = 'PERSON'"
					+ " order by balance desc limit 2050")
				.param("s", scheme.id())
				.query(UUID.class)
				.list()
				.stream()
				.map(id -> ledger.accountById(id).orElseThrow())
				.toList();
			AtomicInteger won = new AtomicInteger();
			AtomicInteger outOfStock = new AtomicInteger();
			ExecutorService pool50 = Executors.newFixedThreadPool(50);
			List<Future<?>> races = new ArrayList<>();
			for (int n = 0; n < 50; n++) {
				PointsAccount person = rich.get(n);
				races.add(pool50.submit(() -> {
					try {
						redemptions.redeem(actor(person, bananPath, district), last.id());
						won.incrementAndGet();
					}
					catch (DomainException e) {
						if (e.code().equals("OUT_OF_STOCK")) {
							outOfStock.incrementAndGet();
						}
					}
				}));
			}
			for (Future<?> race : races) {
				race.get();
			}
			System.out.printf("the last one in stock, 50 at once: %d got it, %d told it is gone%n", won.get(),
					outOfStock.get());
			Reward plenty = history.reward(sponsor, "大米", null, 5, 10_000, LocalDate.now().plusDays(30), "店里",
					Instant.now());
			Actor merchant = new Actor(liaison, "shangjia01", "基准商家", Set.of(Role.PARTNER_LIAISON), whole);
			AtomicInteger done = new AtomicInteger();
			started = System.nanoTime();
			List<Future<?>> pairs = new ArrayList<>();
			for (int t = 0; t < 8; t++) {
				int thread = t;
				pairs.add(pool8.submit(() -> {
					for (int n = thread; n < 2_000; n += 8) {
						var r = redemptions.redeem(actor(rich.get(50 + n), bananPath, district), plenty.id());
						redemptions.confirm(merchant, new Redemptions.Confirm(r.code()));
						done.incrementAndGet();
					}
				}));
			}
			for (Future<?> pair : pairs) {
				pair.get();
			}
			long pairMs = (System.nanoTime() - started) / 1_000_000;
			System.out.printf("hold + confirm: %,d redemptions in %,d ms: %,.0f/s; ledger sound: %s%n", done.get(), pairMs,
					done.get() * 1000.0 / pairMs,
					ledger.mismatches(scheme.id()).isEmpty() && ledger.sumOfEntries(scheme.id()) == 0);
			pool8.shutdown();
			pool50.shutdown();
		}
	}

	private static Actor actor(PointsAccount person, String path, UUID district) {
		return new Actor(person.holderId(), "bench", person.holderName(), Set.of(Role.RESIDENT),
				new DataScope(district, path));
	}

	private static void report(String what, int runs, java.util.function.IntFunction<Object> read) {
		for (int i = 0; i < 50; i++) {
			read.apply(i);
		}
		long[] micros = new long[runs];
		for (int i = 0; i < runs; i++) {
			long started = System.nanoTime();
			read.apply(i);
			micros[i] = (System.nanoTime() - started) / 1_000;
		}
		Arrays.sort(micros);
		System.out.printf("%s: median %.2f ms, p95 %.2f ms, max %.2f ms%n", what, micros[runs / 2] / 1000.0,
				micros[runs * 95 / 100] / 1000.0, micros[runs - 1] / 1000.0);
	}
}
