package org.zhizhi.command.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhizhi.command.screen.CommandScreen;
import org.zhizhi.command.screen.ScreenScopes;
import org.zhizhi.command.screen.ScreenSnapshot;
import org.zhizhi.shared.Actor;

@RestController
@Tag(name = "command screen", description = "The command centre's big screen (一屏统揽): every panel's figures of a "
		+ "district, street or community, each from its module's own query")
class ScreenApiController {

	private final ScreenScopes scopes;

	private final CommandScreen screens;

	ScreenApiController(ScreenScopes scopes, CommandScreen screens) {
		this.scopes = scopes;
		this.screens = screens;
	}

	@GetMapping("/api/v1/command/screen")
	@Operation(summary = "The screen's panels at this moment: today's and this month's incident KPIs (as GET "
			+ "/api/v1/incident-kpis answers them for today and for this month), this year's trend by month (as "
			+ "/api/v1/incident-kpis/trend), whistles by type (total and open, from the desk queue's counts), the "
			+ "overdue incidents (count and the desk's first page), each grid's load (open, overdue, risk alerts), the "
			+ "newest reports, this year's partnership need rates (as /api/v1/partnership/rates), the wish desk's "
			+ "counts, the party members on duty (as /api/v1/on-duty), the emergency whistles still calling, last "
			+ "year's property ratings, the volunteers on duty now (as /api/v1/volunteer/on-duty), the self-run fee "
			+ "collection this month and last (as /api/v1/property/fee-collection) and the open risk alerts (as "
			+ "/api/v1/command/alerts?open=true); a panel the caller may not read is null. position: the instant the "
			+ "live stream continues from")
	ScreenSnapshot screen(@AuthenticationPrincipal Actor actor,
			@Parameter(description = "org unit: a district, street or community in the caller's scope; default: the "
					+ "caller's own scope node") @RequestParam(required = false) String scope) {
		return screens.snapshot(scopes.resolve(actor, ScreenScopes.parse(scope), null));
	}
}
