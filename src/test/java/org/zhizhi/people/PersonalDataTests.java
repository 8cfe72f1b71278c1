package org.zhizhi.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PersonalDataTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

	@ParameterizedTest
	@ValueSource(strings = { "11010519491231002X", "500113199003071231", "500113201508154569" })
	void acceptsIdNumbersWithTheirGb11643CheckDigit(String number) {
		assertThat(PersonalData.isValidIdCard(number, TODAY)).isTrue();
	}

	@Test
	void computesTheCheckDigitOfTheFirstSeventeenDigits() {
		assertThat(PersonalData.checkDigit("11010519491231002")).isEqualTo('X');
		assertThat(PersonalData.checkDigit("44052418800101001")).isEqualTo('4');
		assertThat(PersonalData.checkDigit("50011319900307123")).isEqualTo('1');
	}

	@ParameterizedTest
	@ValueSource(strings = { "110105194912310021", // wrong check digit
			"500113199002301238", // 30 February
			"440524188001010014", // born 1880: right check digit, implausible date
			"500113203001011234", // born in the future
			"50011319900307123", // 17 characters
			"5001131990030712311", // 19 characters
			"01011319900307123X", // starts with 0
			"50011319900307123Y", "" })
	void refusesMalformedIdNumbers(String number) {
		assertThat(PersonalData.isValidIdCard(number, TODAY)).isFalse();
	}

	@Test
	void normalizesALowerCaseXAndBlanks() {
		assertThat(PersonalData.normalizeIdCard(" 11010519491231002x ")).isEqualTo("11010519491231002X");
		assertThat(PersonalData.birthDateOf("11010519491231002X")).isEqualTo(LocalDate.of(1949, 12, 31));
	}

	@ParameterizedTest
	@ValueSource(strings = { "13812345678", "19912345678", "15000000000" })
	void acceptsMainlandMobiles(String phone) {
		assertThat(PersonalData.isValidMobile(phone)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "12812345678", "1381234567", "138123456789", "02368123456", "1381234567a" })
	void refusesOtherNumbers(String phone) {
		assertThat(PersonalData.isValidMobile(phone)).isFalse();
	}

	@Test
	void normalizesACountryPrefixAndDashes() {
		assertThat(PersonalData.normalizePhone("+86 138-1234-5678")).isEqualTo("13812345678");
	}

	@Test
	void masksNamesPhonesAndIdNumbers() {
		assertThat(PersonalData.maskName("张小明")).isEqualTo("张*明");
		assertThat(PersonalData.maskName("张明")).isEqualTo("张*");
		assertThat(PersonalData.maskName("欧阳小明")).isEqualTo("欧**明");
		assertThat(PersonalData.maskPhone("13812345678")).isEqualTo("138****5678");
		assertThat(PersonalData.maskIdCard("500113199003071231")).isEqualTo("5001**********1231");
	}

	@Test
	void encryptsToDifferentCipherTextsThatDecryptToTheSameValue() {
		PersonalDataCipher cipher = new PersonalDataCipher(PersonalDataCipher.DEV_KEY, "");
		java.util.UUID resident = java.util.UUID.randomUUID();
		String context = PersonalDataCipher.idCardContext(resident);
		byte[] first = cipher.encrypt("500113199003071231", context);
		byte[] second = cipher.encrypt("500113199003071231", context);
		assertThat(first).isNotEqualTo(second);
		assertThat(new String(first, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("1990");
		assertThat(cipher.decrypt(first, context)).isEqualTo("500113199003071231");
		assertThat(cipher.decrypt(second, context)).isEqualTo("500113199003071231");
	}

	/** Issue 11: an ID number copied into another resident's row, or into the phone column, no longer opens. */
	@Test
	void aValueOpensOnlyForItsOwnResidentAndField() {
		PersonalDataCipher cipher = new PersonalDataCipher(PersonalDataCipher.DEV_KEY, "");
		java.util.UUID resident = java.util.UUID.randomUUID();
		byte[] sealed = cipher.encrypt("500113199003071231", PersonalDataCipher.idCardContext(resident));
		assertThatThrownBy(() -> cipher.decrypt(sealed, PersonalDataCipher.phoneContext(resident)))
			.isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(
				() -> cipher.decrypt(sealed, PersonalDataCipher.idCardContext(java.util.UUID.randomUUID())))
			.isInstanceOf(IllegalStateException.class);
	}

	/** What the platform stored before key ids (a nonce in front, no associated data) still opens. */
	@Test
	void opensValuesSealedBeforeKeyIds() {
		PersonalDataCipher cipher = new PersonalDataCipher(PersonalDataCipher.DEV_KEY, "");
		byte[] legacy = org.zhizhi.shared.crypto.LegacySealing.seal(Base64.getDecoder().decode(PersonalDataCipher.DEV_KEY),
				"13812345678".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(cipher.decrypt(legacy, PersonalDataCipher.phoneContext(java.util.UUID.randomUUID())))
			.isEqualTo("13812345678");
	}

	@Test
	void hashesEqualValuesEquallyAndDifferentValuesDifferently() {
		PersonalDataCipher cipher = new PersonalDataCipher(PersonalDataCipher.DEV_KEY, "");
		assertThat(cipher.hash("13812345678")).isEqualTo(cipher.hash("13812345678"))
			.isNotEqualTo(cipher.hash("13812345679"));
		PersonalDataCipher otherHashKey = new PersonalDataCipher(PersonalDataCipher.DEV_KEY,
				Base64.getEncoder().encodeToString(new byte[32]));
		assertThat(otherHashKey.hash("13812345678")).isNotEqualTo(cipher.hash("13812345678"));
	}

	@Test
	void refusesAlteredCipherTextAndShortKeys() {
		PersonalDataCipher cipher = new PersonalDataCipher(PersonalDataCipher.DEV_KEY, "");
		String context = PersonalDataCipher.phoneContext(java.util.UUID.randomUUID());
		byte[] sealed = cipher.encrypt("13812345678", context);
		sealed[sealed.length - 1] ^= 1;
		assertThatThrownBy(() -> cipher.decrypt(sealed, context)).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> new PersonalDataCipher(Base64.getEncoder().encodeToString(new byte[16]), ""))
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void findsTheDistrictInAScopePath() {
		assertThat(org.zhizhi.shared.DataScope.districtOf(
				"/0190c2a0-0000-7000-8000-000000000001/0190c2a0-0000-7000-8000-000000000002/0190c2a0-0000-7000-8000-000000000003/"))
			.hasToString("0190c2a0-0000-7000-8000-000000000002");
	}

	/** Issue 11 turned the warning this test once caught into a refusal to start (see DataKeyStartupTests). */
	@Test
	@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
	void refusesTheDemoKeyOutsideDemoMode(org.springframework.boot.test.system.CapturedOutput output) {
		new PersonalDataCipher(PersonalDataCipher.DEV_KEY, "", new org.zhizhi.shared.DemoMode(true));
		assertThat(output.getAll()).doesNotContain("PUBLIC DEMO KEY");
		assertThatThrownBy(
				() -> new PersonalDataCipher(PersonalDataCipher.DEV_KEY, "", new org.zhizhi.shared.DemoMode(false)))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("PUBLIC DEMO KEY");
	}
}
