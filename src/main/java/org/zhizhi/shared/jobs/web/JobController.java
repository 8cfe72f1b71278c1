package org.zhizhi.shared.jobs.web;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.jobs.LongWork;

/**
 * 我的后台任务: a person's jobs of the last day, and one job's page whose progress refreshes itself (htmx polls the
 * fragment every 2 s while it runs; the fragment of a finished job no longer asks to be polled, so polling stops).
 */
@Controller
class JobController {

	private static final int LIST_LIMIT = 50;

	private final LongWork work;

	JobController(LongWork work) {
		this.work = work;
	}

	@GetMapping("/jobs")
	String list(@AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("jobs", work.jobsOf(actor, LIST_LIMIT));
		return "jobs/list";
	}

	@GetMapping("/jobs/{id}")
	String job(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		model.addAttribute("job", work.job(actor, id));
		return "jobs/job";
	}

	@GetMapping("/jobs/{id}/progress")
	String progress(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		model.addAttribute("job", work.job(actor, id));
		return "jobs/job :: progress";
	}

	@GetMapping("/jobs/{id}/file")
	ResponseEntity<byte[]> file(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		LongWork.JobFile file = work.file(actor, id);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.name(), StandardCharsets.UTF_8).build().toString())
			.body(file.content());
	}
}
