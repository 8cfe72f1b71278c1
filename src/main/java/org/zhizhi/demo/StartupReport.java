package org.zhizhi.demo;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.zhizhi.shared.DemoMode;

/** Tells whoever started the platform where to open it and, in demo mode, how to sign in. */
@Component
class StartupReport {

	private final DemoMode demoMode;

	StartupReport(DemoMode demoMode) {
		this.demoMode = demoMode;
	}

	@EventListener
	void ready(ApplicationReadyEvent event) {
		int port = event.getApplicationContext() instanceof WebServerApplicationContext web
				? web.getWebServer().getPort() : 8080;
		StringBuilder text = new StringBuilder("\n\n  智治 Zhizhi is running: http://localhost:" + port + "/\n");
		if (demoMode.enabled()) {
			text.append("  演示账号 demo accounts (password ").append(DemoAccounts.PASSWORD).append("):\n");
			for (DemoAccounts.DemoAccount account : DemoAccounts.ALL) {
				text.append(String.format("    %-15s %s%n", account.username(), account.description()));
			}
		}
		System.out.println(text);
	}
}
