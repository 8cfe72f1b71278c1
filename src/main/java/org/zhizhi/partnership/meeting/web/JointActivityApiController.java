package org.zhizhi.partnership.meeting.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.zhizhi.partnership.meeting.JointActivities;
import org.zhizhi.partnership.meeting.MeetingCommands.LogActivity;
import org.zhizhi.partnership.meeting.MeetingViews.JointActivity;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.PlausibleYear;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/joint-activities")
@Tag(name = "joint activities", description = "1+4+X: the \"X\" — 共过主题党日, 共上党课, 共同研学, resource sharing, with participants")
class JointActivityApiController {

	private final JointActivities activities;

	private final Clock clock;

	private final ZoneId zone;

	JointActivityApiController(JointActivities activities, Clock clock, ZoneId zone) {
		this.activities = activities;
		this.clock = clock;
		this.zone = zone;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Log a joint activity with its participants (units or persons)")
	JointActivity log(@AuthenticationPrincipal Actor actor, @RequestBody(required = false) LogActivity body) {
		return activities.log(actor, body);
	}

	@GetMapping
	@Operation(summary = "Joint activities of the caller's scope in a year, the latest first")
	List<JointActivity> list(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) UUID communityId,
			@RequestParam(required = false) @PlausibleYear Integer year) {
		return activities.list(actor, communityId,
				year == null ? LocalDate.now(clock.withZone(zone)).getYear() : year);
	}
}
