package org.zhizhi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 15, item 8: the audit trail shows an IPv4 client's address in the form the auditor knows. */
class ClientAddressTests {

	@Test
	void theLoopbackInItsIpv6FormsIsShownAsIpv4() {
		assertThat(ClientAddress.readable("0:0:0:0:0:0:0:1")).isEqualTo("127.0.0.1");
		assertThat(ClientAddress.readable("::1")).isEqualTo("127.0.0.1");
		assertThat(ClientAddress.readable("[::1]")).isEqualTo("127.0.0.1");
	}

	@Test
	void anIpv4MappedAddressIsShownAsItsIpv4Address() {
		assertThat(ClientAddress.readable("::ffff:192.168.1.20")).isEqualTo("192.168.1.20");
		assertThat(ClientAddress.readable("0:0:0:0:0:FFFF:10.0.0.7")).isEqualTo("10.0.0.7");
	}

	@Test
	void otherAddressesStayAsTheyAre() {
		assertThat(ClientAddress.readable("203.0.113.9")).isEqualTo("203.0.113.9");
		assertThat(ClientAddress.readable("2001:db8::7")).isEqualTo("2001:db8::7");
		assertThat(ClientAddress.readable(null)).isNull();
	}
}
