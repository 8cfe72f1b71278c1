package org.zhizhi.shared.web;

import java.time.ZoneId;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Every page reads times in the platform's one zone ({@code zhizhi.zone}): templates write
 * {@code #temporals.format(at.atZone(zone), …)}, and no controller or template names a zone of its own.
 */
@ControllerAdvice
class ZoneAdvice {

	private final ZoneId zone;

	ZoneAdvice(ZoneId zone) {
		this.zone = zone;
	}

	@ModelAttribute("zone")
	ZoneId zone() {
		return zone;
	}
}
