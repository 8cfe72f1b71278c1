package org.zhizhi.incident.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.zhizhi.incident.IncidentCategory;
import org.zhizhi.incident.IncidentQueries;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "incidents", description = "The whistle: intake, acceptance, triage, whistle, claim")
class IncidentCategoryApiController {

	private final IncidentQueries queries;

	IncidentCategoryApiController(IncidentQueries queries) {
		this.queries = queries;
	}

	@GetMapping("/api/v1/incident-categories")
	@Operation(summary = "The incident categories a report may name, grouped by GB/T 30428 and community classes")
	List<IncidentCategory> categories() {
		return queries.categories();
	}
}
