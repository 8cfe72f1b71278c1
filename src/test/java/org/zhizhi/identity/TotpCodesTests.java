package org.zhizhi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

/** The code check without Spring: RFC 6238's vectors, the ±1 step window, replay, and the recovery codes. */
class TotpCodesTests {

	/** RFC 6238 appendix B's SHA-1 seed. */
	private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	private final TotpCodes codes = new TotpCodes();

	private final byte[] secret = TotpCodes.newSecret();

	private final Instant now = Instant.parse("2026-06-10T02:00:10Z");

	@Test
	void codesAreThoseOfRfc6238() {
		// the appendix's 8-digit values, of which an authenticator app shows the last six
		assertThat(codes.codeAt(RFC_SECRET, Instant.ofEpochSecond(59))).isEqualTo("287082");
		assertThat(codes.codeAt(RFC_SECRET, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
		assertThat(codes.codeAt(RFC_SECRET, Instant.ofEpochSecond(2000000000))).isEqualTo("279037");
	}

	@Test
	void theCodeOfNowIsAcceptedAndAnswersItsStep() {
		assertThat(codes.matchingStep(secret, codes.codeAt(secret, now), now, 0))
			.isEqualTo(OptionalLong.of(TotpCodes.stepOf(now)));
	}

	@Test
	void oneStepEitherSideIsAcceptedButNotTwo() {
		long step = TotpCodes.stepOf(now);
		assertThat(codes.matchingStep(secret, codes.codeAt(secret, now.minusSeconds(30)), now, 0))
			.isEqualTo(OptionalLong.of(step - 1));
		assertThat(codes.matchingStep(secret, codes.codeAt(secret, now.plusSeconds(30)), now, 0))
			.isEqualTo(OptionalLong.of(step + 1));
		assertThat(codes.matchingStep(secret, codes.codeAt(secret, now.minusSeconds(60)), now, 0)).isEmpty();
		assertThat(codes.matchingStep(secret, codes.codeAt(secret, now.plusSeconds(60)), now, 0)).isEmpty();
	}

	@Test
	void aCodeOfTheLastUsedStepOrAnEarlierOneIsARefusedReplay() {
		long step = TotpCodes.stepOf(now);
		String code = codes.codeAt(secret, now);

		assertThat(codes.matchingStep(secret, code, now, step)).isEmpty();
		assertThat(codes.matchingStep(secret, code, now, step + 1)).isEmpty();
		assertThat(codes.matchingStep(secret, code, now, step - 1)).isEqualTo(OptionalLong.of(step));
		// the previous step's code after the current one was used: refused too (steps only go forward)
		assertThat(codes.matchingStep(secret, codes.codeAt(secret, now.minusSeconds(30)), now, step)).isEmpty();
	}

	@Test
	void aWrongOrMalformedCodeIsRefused() {
		String right = codes.codeAt(secret, now);
		String wrong = String.format("%06d", (Integer.parseInt(right) + 1) % 1_000_000);

		assertThat(codes.matchingStep(secret, wrong, now, 0)).isEmpty();
		assertThat(codes.matchingStep(TotpCodes.newSecret(), right, now, 0)).isEmpty();
		assertThat(codes.matchingStep(secret, null, now, 0)).isEmpty();
		assertThat(codes.matchingStep(secret, "", now, 0)).isEmpty();
		assertThat(codes.matchingStep(secret, right + "0", now, 0)).isEmpty();
		assertThat(codes.matchingStep(secret, "12a456", now, 0)).isEmpty();
		assertThat(codes.matchingStep(secret, " " + right + " ", now, 0)).isPresent();
	}

	@Test
	void staffNeedASecondFactorAndTheDemoExemptionExistsOnlyInDemoMode() {
		for (org.zhizhi.shared.Role role : org.zhizhi.shared.Role.values()) {
			boolean oneFactor = role == org.zhizhi.shared.Role.RESIDENT || role == org.zhizhi.shared.Role.PARTY_MEMBER;
			java.util.Set<org.zhizhi.shared.Role> roles = java.util.Set.of(role);
			assertThat(TwoFactor.required(roles, false, () -> false)).as(role.name()).isEqualTo(!oneFactor);
			// a demo account outside demo mode: no exemption
			assertThat(TwoFactor.required(roles, false, () -> true)).as(role.name()).isEqualTo(!oneFactor);
			// an account opened by hand in demo mode: no exemption either
			assertThat(TwoFactor.required(roles, true, () -> false)).as(role.name()).isEqualTo(!oneFactor);
			assertThat(TwoFactor.required(roles, true, () -> true)).as(role.name()).isFalse();
		}
		// a resident who is also a grid worker serves: he needs it
		assertThat(TwoFactor.required(java.util.Set.of(org.zhizhi.shared.Role.RESIDENT,
				org.zhizhi.shared.Role.GRID_WORKER), false, () -> false)).isTrue();
	}

	@Test
	void secretsRoundTripThroughBase32AsAppsTakeThem() {
		assertThat(Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
		assertThat(Base32.decode("mzxw 6ytb-oi======")).isEqualTo("foobar".getBytes(StandardCharsets.US_ASCII));
		assertThat(Base32.decode(Base32.encode(secret))).isEqualTo(secret);
		assertThat(Base32.encode(secret)).hasSize(32);
	}

	@Test
	void recoveryCodesAreTenDistinctAndHashIndependentlyOfHowTheyAreTyped() {
		List<String> generated = RecoveryCodes.generate();

		assertThat(generated).hasSize(RecoveryCodes.COUNT);
		assertThat(new HashSet<>(generated)).hasSize(RecoveryCodes.COUNT);
		String one = generated.get(0);
		assertThat(one).matches("[A-Z2-9]{4}(-[A-Z2-9]{4}){3}");
		assertThat(RecoveryCodes.looksLikeOne(one)).isTrue();
		assertThat(RecoveryCodes.looksLikeOne("123456")).isFalse();
		assertThat(RecoveryCodes.hash(one.toLowerCase().replace("-", " "))).isEqualTo(RecoveryCodes.hash(one));
		assertThat(RecoveryCodes.hash(generated.get(1))).isNotEqualTo(RecoveryCodes.hash(one));
	}
}
