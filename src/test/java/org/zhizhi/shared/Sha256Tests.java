package org.zhizhi.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The digests of FIPS 180-2's examples, and text hashed as UTF-8. */
class Sha256Tests {

	@Test
	void hashesTheStandardsExamples() {
		assertThat(Sha256.hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
		assertThat(Sha256.hex(new byte[0]))
			.isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
		assertThat(Sha256.digest("abc")).hasSize(32);
	}

	@Test
	void textIsHashedAsUtf8() {
		assertThat(Sha256.hex("吹哨")).isEqualTo(Sha256.hex("吹哨".getBytes(StandardCharsets.UTF_8)));
	}
}
