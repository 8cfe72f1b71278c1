package org.zhizhi.identity;

import java.security.SecureRandom;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.zhizhi.shared.Role;
import org.zhizhi.territory.InstallationProperties;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.TerritoryManagement;

/**
 * A new installation without demo data still needs someone to sign in: on the first start with no accounts, creates
 * the root node and the three administration accounts with random initial passwords, printed once, to be changed at
 * the first sign-in.
 */
@Component
@Order(2)
class FirstStart implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstStart.class);

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

	private final AccountQueries accounts;

	private final AccountManagement management;

	private final TerritoryManagement territory;

	private final String rootName;

	private final String rootCode;

	FirstStart(AccountQueries accounts, AccountManagement management, TerritoryManagement territory,
			InstallationProperties installation) {
		this.accounts = accounts;
		this.management = management;
		this.territory = territory;
		this.rootName = installation.rootName();
		this.rootCode = installation.rootCode();
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!accounts.noAccountsYet()) {
			return;
		}
		OrgUnit root = territory.ensureRoot(rootName, rootCode);
		StringBuilder report = new StringBuilder("First start: initial administration accounts (change at first sign-in):");
		for (Role role : new Role[] { Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDITOR }) {
			String username = switch (role) {
				case SYSTEM_ADMIN -> "admin";
				case SECURITY_ADMIN -> "security";
				default -> "auditor";
			};
			String password = randomPassword();
			management.bootstrap(new CreateAccount(username, username, password, Set.of(role), root.id(), null), true);
			report.append("\n  ").append(username).append(" / ").append(password);
		}
		log.warn(report.toString());
	}

	private static String randomPassword() {
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder("Zz9-");
		for (int i = 0; i < 12; i++) {
			password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}
}
