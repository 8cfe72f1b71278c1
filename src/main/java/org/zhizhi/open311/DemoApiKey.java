package org.zhizhi.open311;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.zhizhi.territory.Installation;
import org.zhizhi.shared.DemoMode;

/**
 * In demo mode only, registers the public demo key {@value #KEY} for the whole installation, after the demo district
 * (order 1) and the first-start accounts (order 2) exist. Outside demo mode no key exists until an admin adds one.
 */
@Component
@Order(3)
class DemoApiKey implements ApplicationRunner {

	static final String KEY = "zhizhi-demo-key";

	private final DemoMode demoMode;

	private final ApiClients clients;

	private final Installation installation;

	DemoApiKey(DemoMode demoMode, ApiClients clients, Installation installation) {
		this.demoMode = demoMode;
		this.clients = clients;
		this.installation = installation;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (demoMode.enabled()) {
			clients.register("演示客户端 demo client", installation.whole().orgUnitId(), KEY);
		}
	}
}
