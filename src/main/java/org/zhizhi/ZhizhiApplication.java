package org.zhizhi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.zhizhi.shared.backup.BackupCommand;

@SpringBootApplication
public class ZhizhiApplication {

	public static void main(String[] args) {
		// backup, verify and restore run without the platform: a second one would take over the data directory
		if (BackupCommand.isCommand(args)) {
			System.exit(BackupCommand.run(args, System.out));
		}
		SpringApplication.run(ZhizhiApplication.class, args);
	}
}
