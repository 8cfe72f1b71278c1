package org.zhizhi;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/** Before every integration test, the platform's clock goes back to where no other test has moved it. */
class TestClockReset implements BeforeEachCallback {

	@Override
	public void beforeEach(ExtensionContext context) {
		TestClock clock = SpringExtension.getApplicationContext(context).getBean(TestClock.class);
		clock.reset();
		TestClock.makeCurrent(clock);
	}
}
