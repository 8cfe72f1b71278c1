package org.zhizhi.volunteer.web;

import java.net.URI;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.documents.ChineseFont;
import org.zhizhi.volunteer.Certificate;
import org.zhizhi.volunteer.Certificates;
import org.zhizhi.volunteer.Team;
import org.zhizhi.volunteer.VolunteerCommands.TeamSettings;
import org.zhizhi.volunteer.VolunteerQueries;
import org.zhizhi.volunteer.VolunteerTeams;
import org.zhizhi.volunteer.ServedHours;

/**
 * Certificates of service hours and a team's settings over JSON: issue (the volunteer his own, the team's leader or
 * the desk for someone who served with it), read, download as PDF; who served with a team for how long; the team's
 * contact and recruitment.
 */
@RestController
@RequestMapping("/api/v1/volunteer")
@Tag(name = "volunteer")
class CertificateApiController {

	/** Whom the certificate is for: empty for the caller himself. */
	record IssueFor(UUID personId) {
	}

	private final Certificates certificates;

	private final VolunteerTeams teams;

	private final VolunteerQueries queries;

	private final ZoneId zone;

	private final ChineseFont font;

	CertificateApiController(Certificates certificates, VolunteerTeams teams, VolunteerQueries queries, ZoneId zone,
			ChineseFont font) {
		this.font = font;
		this.certificates = certificates;
		this.teams = teams;
		this.queries = queries;
		this.zone = zone;
	}

	@PostMapping("/teams/{id}/certificates")
	@Operation(summary = "A certificate of service hours (民政部令第67号) issued in the team's name: the caller's own, or"
			+ " by the team's leader or the desk for one who served with it; the same one again if nothing changed today")
	ResponseEntity<Certificate> issue(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody(required = false) IssueFor body) {
		UUID person = body == null || body.personId() == null ? actor.userId() : body.personId();
		Certificate issued = certificates.issue(actor, id, person);
		return ResponseEntity.created(URI.create("/api/v1/volunteer/certificates/" + issued.id())).body(issued);
	}

	@GetMapping("/certificates")
	@Operation(summary = "The caller's certificates, newest first")
	List<Certificate> mine(@AuthenticationPrincipal Actor actor) {
		return certificates.mine(actor);
	}

	@GetMapping("/certificates/{id}")
	@Operation(summary = "A certificate, for its holder, the team's leader and the desk of its scope")
	Certificate certificate(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return certificates.certificate(actor, id);
	}

	@GetMapping(value = "/certificates/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	@Operation(summary = "A certificate as a PDF to print")
	ResponseEntity<byte[]> pdf(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return CertificatePages.pdfOf(certificates.certificate(actor, id), zone, font);
	}

	@GetMapping("/teams/{id}/served")
	@Operation(summary = "Who served with the team and their approved hours, the most first (its organisers only)")
	List<ServedHours> served(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(defaultValue = "0") int page) {
		return certificates.servedWith(actor, queries.team(actor, id).team(), page);
	}

	@PutMapping("/teams/{id}/settings")
	@Operation(summary = "The team's contact (printed on its certificates), whether it recruits, what help it seeks")
	Team settle(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @RequestBody TeamSettings body) {
		return teams.settle(actor, id, body);
	}
}
