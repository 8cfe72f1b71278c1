package org.zhizhi.identity.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The actuator is opened without sign-in only on a port of its own: on the public port the platform will not start. */
class ManagementSecurityTests {

	@Test
	void theManagementEndpointsOnThePublicPortStopTheStart() {
		assertThatIllegalStateException().isThrownBy(() -> new ManagementSecurity(new MockEnvironment()))
			.withMessageContaining("management.server.port");
		assertThatIllegalStateException()
			.isThrownBy(() -> new ManagementSecurity(
					new MockEnvironment().withProperty("server.port", "8080").withProperty("management.server.port", "8080")))
			.withMessageContaining("ZHIZHI_MANAGEMENT_PORT");
	}

	@Test
	void aPortOfTheirOwnOrNoneAtAllIsFine() {
		assertThatCode(() -> new ManagementSecurity(
				new MockEnvironment().withProperty("server.port", "8080").withProperty("management.server.port", "9090")))
			.doesNotThrowAnyException();
		assertThatCode(() -> new ManagementSecurity(new MockEnvironment().withProperty("management.server.port", "-1")))
			.doesNotThrowAnyException();
	}
}
