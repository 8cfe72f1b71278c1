package org.zhizhi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ZhizhiApplication {

	public static void main(String[] args) {
		SpringApplication.run(ZhizhiApplication.class, args);
	}
}
