package org.zhizhi.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhizhi.identity.AuditEntry.Outcome;
import org.zhizhi.identity.AuditSeal.Chained;
import org.zhizhi.identity.AuditSeal.Reason;
import org.zhizhi.shared.DemoMode;

/** The audit chain without a database: sealing, and the first break of every kind a tamperer can make. */
class AuditSealTests {

	static final byte[] KEY = "a key of thirty-two bytes or more".getBytes(StandardCharsets.US_ASCII);

	final AuditSeal seal = new AuditSeal(KEY);

	@Test
	void anUntouchedChainHolds() {
		List<Chained> chain = chain(5);
		AuditSeal.Check check = seal.verify(chain.iterator(), 5);
		assertThat(check.intact()).isTrue();
		assertThat(check.checked()).isEqualTo(5);
		assertThat(seal.verify(List.<Chained>of().iterator(), 0).intact()).isTrue();
	}

	@Test
	void aChangedFieldBreaksTheChainAtThatEntry() {
		List<Chained> chain = chain(5);
		Chained third = chain.get(2);
		AuditEntry e = third.entry();
		chain.set(2, new Chained(3, third.mac(), new AuditEntry(e.id(), e.occurredAt(), e.actorId(), e.username(),
				e.scopePath(), e.remoteAddress(), e.action(), e.objectType(), e.objectId(), Outcome.SUCCESS, e.detail())));

		AuditSeal.Check check = seal.verify(chain.iterator(), 5);

		assertThat(check.firstBreak()).hasValueSatisfying(b -> {
			assertThat(b.seq()).isEqualTo(3);
			assertThat(b.entryId()).isEqualTo(e.id());
			assertThat(b.reason()).isEqualTo(Reason.ALTERED);
		});
		assertThat(check.checked()).isEqualTo(2);
	}

	@Test
	void resealingWithoutTheKeyIsFound() {
		List<Chained> chain = chain(3);
		AuditSeal other = new AuditSeal("somebody else's key of 32 bytes!".getBytes(StandardCharsets.US_ASCII));
		Chained second = chain.get(1);
		chain.set(1, new Chained(2, other.seal(2, chain.get(0).mac(), second.entry()), second.entry()));
		assertThat(seal.verify(chain.iterator(), 3).firstBreak()).hasValueSatisfying(
				b -> assertThat(b.reason()).isEqualTo(Reason.ALTERED));
	}

	@Test
	void aRemovedEntryIsNamedByTheOneAfterIt() {
		List<Chained> chain = chain(5);
		chain.remove(1);
		assertThat(seal.verify(chain.iterator(), 5).firstBreak()).hasValueSatisfying(b -> {
			assertThat(b.seq()).isEqualTo(3);
			assertThat(b.reason()).isEqualTo(Reason.MISSING_BEFORE);
		});
	}

	@Test
	void anEndCutOffIsToldByTheHead() {
		List<Chained> chain = chain(5);
		chain.remove(4);
		chain.remove(3);
		assertThat(seal.verify(chain.iterator(), 5).firstBreak()).hasValueSatisfying(b -> {
			assertThat(b.seq()).isEqualTo(4);
			assertThat(b.entryId()).isEqualTo(chain.get(2).entry().id());
			assertThat(b.reason()).isEqualTo(Reason.CUT_SHORT);
		});
	}

	@Test
	void fieldsCannotBeShiftedIntoOneAnother() {
		AuditEntry a = entry(1, "ab", "c");
		AuditEntry b = entry(1, "a", "bc");
		assertThat(seal.seal(1, "", a)).isNotEqualTo(seal.seal(1, "", new AuditEntry(a.id(), a.occurredAt(),
				a.actorId(), b.username(), a.scopePath(), a.remoteAddress(), b.action(), a.objectType(), a.objectId(),
				a.outcome(), a.detail())));
	}

	@Test
	void theNamesWrittenWithAnEntryAreSealedWithItAndAnEntryWithoutThemIsSealedAsBefore() {
		AuditEntry plain = entry(1, "dongcheng", "POST /partnership/meetings/{id}/decisions");
		AuditEntry named = new AuditEntry(plain.id(), plain.occurredAt(), plain.actorId(), plain.username(),
				plain.scopePath(), plain.remoteAddress(), plain.action(), plain.objectType(), plain.objectId(),
				plain.outcome(), plain.detail(), "东城社区工作站", "jointMeeting", "2026年度第二季度协商议事会", "增设充电桩");
		// an entry sealed before the names existed still checks (its bytes are the same as then)
		assertThat(new String(AuditSeal.canonical(1, "", plain), StandardCharsets.UTF_8)).endsWith(";7:FAILURE;3:第1条;");
		String sealed = seal.seal(1, "", named);
		assertThat(sealed).isNotEqualTo(seal.seal(1, "", plain));
		// a name changed, or all of them taken off, is a change the check finds
		AuditEntry renamed = new AuditEntry(named.id(), named.occurredAt(), named.actorId(), named.username(),
				named.scopePath(), named.remoteAddress(), named.action(), named.objectType(), named.objectId(),
				named.outcome(), named.detail(), named.actorName(), named.objectKind(), "另一个会议", named.subject());
		assertThat(seal.verify(List.of(new Chained(1, sealed, renamed)).iterator(), 1).firstBreak())
			.hasValueSatisfying(b -> assertThat(b.reason()).isEqualTo(Reason.ALTERED));
		assertThat(seal.verify(List.of(new Chained(1, sealed, plain)).iterator(), 1).firstBreak())
			.hasValueSatisfying(b -> assertThat(b.reason()).isEqualTo(Reason.ALTERED));
		assertThat(seal.verify(List.of(new Chained(1, sealed, named)).iterator(), 1).intact()).isTrue();
	}

	@Test
	void theDemoKeyIsRefusedOutsideDemoModeAndAShortKeyAlways() {
		assertThatThrownBy(() -> AuditConfiguration.auditKey(AuditConfiguration.DEMO_AUDIT_KEY, new DemoMode(false)))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("ZHIZHI_AUDIT_KEY");
		assertThat(AuditConfiguration.auditKey(AuditConfiguration.DEMO_AUDIT_KEY, new DemoMode(true))).hasSize(32);
		assertThatThrownBy(() -> new AuditSeal(new byte[16])).isInstanceOf(IllegalArgumentException.class);
	}

	private List<Chained> chain(int length) {
		List<Chained> chain = new ArrayList<>();
		String previous = "";
		for (int seq = 1; seq <= length; seq++) {
			AuditEntry entry = entry(seq, "user" + seq, "LOGIN");
			String mac = seal.seal(seq, previous, entry);
			chain.add(new Chained(seq, mac, entry));
			previous = mac;
		}
		return chain;
	}

	private static AuditEntry entry(int n, String username, String action) {
		return new AuditEntry(UUID.randomUUID(), Instant.parse("2026-06-10T02:00:00.123456Z").plusSeconds(n), null,
				username, "/1/", "127.0.0.1", action, "account", null, Outcome.FAILURE, "第" + n + "条");
	}
}
