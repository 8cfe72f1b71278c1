package org.zhizhi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.zhizhi.shared.DomainException.FieldProblem;

class PasswordPolicyTests {

	@Test
	void acceptsEightCharactersOfThreeClasses() {
		// issue 11: the published demo password passes the shape rules (the demo accounts keep it) but no longer the
		// full check, which refuses it for any account someone opens — so the full check is shown with another one
		assertThat(PasswordPolicy.checkShape("password", "Zhizhi@2026", "dongcheng")).isEmpty();
		assertThat(PasswordPolicy.check("password", "Jade@River7", "dongcheng")).isEmpty();
		assertThat(PasswordPolicy.check("password", "abcd1234X", "dongcheng")).isEmpty();
	}

	@Test
	void rejectsCommonPasswordsWhateverTheirCase() {
		for (String common : java.util.List.of("Password1", "Qwerty123", "PassWord1", "Password1!", "#Qwerty123",
				"Zhizhi@2026", "zhizhi@2026")) {
			assertThat(keys(PasswordPolicy.check("password", common, "dongcheng"))).as(common)
				.containsExactly("password.common");
		}
	}

	@Test
	void rejectsPasswordsContainingTheDisplayName() {
		assertThat(keys(PasswordPolicy.check("password", "Wangfang#88", "u1", "Wangfang")))
			.containsExactly("password.containsName");
		assertThat(PasswordPolicy.check("password", "Jade@River7", "u1", "王芳")).isEmpty();
	}

	@Test
	void rejectsShortPasswords() {
		assertThat(keys(PasswordPolicy.check("password", "Ab1@xyz", "u"))).containsExactly("password.tooShort");
	}

	@Test
	void rejectsPasswordsOfTwoClasses() {
		assertThat(keys(PasswordPolicy.check("password", "abcdefgh1234", "u"))).containsExactly("password.tooSimple");
		assertThat(keys(PasswordPolicy.check("password", "ABCDEFGH!!!!", "u"))).containsExactly("password.tooSimple");
	}

	@Test
	void rejectsPasswordsContainingTheUsername() {
		assertThat(keys(PasswordPolicy.check("password", "Dongcheng@1", "dongcheng")))
			.containsExactly("password.containsUsername");
	}

	@Test
	void rejectsMissingAndOverlongPasswords() {
		assertThat(keys(PasswordPolicy.check("password", null, "u"))).containsExactly("password.tooShort");
		assertThat(keys(PasswordPolicy.check("password", "Aa1!".repeat(20), "u"))).containsExactly("password.tooLong");
	}

	@Test
	void countsBytesNotCharactersAgainstBcryptsLimit() {
		String chinese = "Aa1!" + "智".repeat(23); // 4 + 69 bytes
		assertThat(keys(PasswordPolicy.check("password", chinese, "u"))).containsExactly("password.tooLong");
		assertThat(PasswordPolicy.check("password", "Aa1!" + "智".repeat(22), "u")).isEmpty();
	}

	@Test
	void namesTheFieldItChecks() {
		assertThat(PasswordPolicy.check("newPassword", "short", "u")).extracting(FieldProblem::field)
			.containsExactly("newPassword");
	}

	private static java.util.List<String> keys(java.util.List<FieldProblem> problems) {
		return problems.stream().map(FieldProblem::messageKey).toList();
	}
}
