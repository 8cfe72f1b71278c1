package org.zhizhi.volunteer.web;

import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.FormErrors;
import org.zhizhi.shared.documents.ChineseFont;
import org.zhizhi.volunteer.Certificate;
import org.zhizhi.volunteer.Certificates;
import org.zhizhi.volunteer.VolunteerCommands.TeamSettings;
import org.zhizhi.volunteer.VolunteerQueries;
import org.zhizhi.volunteer.VolunteerTeams;

/**
 * Certificates of service hours on the pages: a volunteer asks for his own from his service record, a team's leader
 * or the desk issues one for someone who served with it; the PDF to download; the team's settings its certificates
 * print (contact) and its recruitment; and, without sign-in, the check of a certificate's number and a team's list of
 * certificates issued (public notice, masked names).
 */
@Controller
class CertificatePages {

	private final Certificates certificates;

	private final VolunteerTeams teams;

	private final VolunteerQueries queries;

	private final MessageSource messages;

	private final ZoneId zone;

	private final ChineseFont font;

	CertificatePages(Certificates certificates, VolunteerTeams teams, VolunteerQueries queries, MessageSource messages,
			ZoneId zone, ChineseFont font) {
		this.font = font;
		this.certificates = certificates;
		this.teams = teams;
		this.queries = queries;
		this.messages = messages;
		this.zone = zone;
	}

	@PostMapping("/m/volunteer/teams/{id}/certificates")
	String issue(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) UUID personId, @RequestParam(required = false) String back,
			RedirectAttributes redirect) {
		String to = "team".equals(back) ? "/m/volunteer/teams/" + id : "/m/volunteer#certificates";
		return FormErrors.step(redirect, to, "volunteer.notice.certificateIssued",
				() -> certificates.issue(actor, id, personId == null ? actor.userId() : personId), messages,
				"volunteer.state.", "volunteer.step.");
	}

	@GetMapping(value = "/m/volunteer/certificates/{id}.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	ResponseEntity<byte[]> pdf(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return pdfOf(certificates.certificate(actor, id), zone, font);
	}

	static ResponseEntity<byte[]> pdfOf(Certificate c, ZoneId zone, ChineseFont font) {
		String verify = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/public/volunteer/certificates")
			.queryParam("number", c.number())
			.toUriString();
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("志愿服务记录证明-" + c.number() + ".pdf",
							java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.body(CertificatePdf.render(c, zone, verify, font.create()));
	}

	@PostMapping("/m/volunteer/teams/{id}/settings")
	String settle(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String contact, @RequestParam(required = false) Boolean recruiting,
			@RequestParam(required = false) String recruitment, RedirectAttributes redirect) {
		return FormErrors.step(redirect, "/m/volunteer/teams/" + id, "volunteer.notice.teamSettled",
				() -> teams.settle(actor, id, new TeamSettings(contact, recruiting != null && recruiting, recruitment)),
				messages, "volunteer.state.", "volunteer.step.");
	}

	/** Anyone checks a certificate by its number: it exists, to whom (masked), how many hours, issued by whom. */
	@GetMapping("/public/volunteer/certificates")
	String verify(@RequestParam(required = false) String number, Model model) {
		model.addAttribute("number", number);
		model.addAttribute("certificate", number == null ? null : certificates.verify(number).orElse(null));
		model.addAttribute("zone", zone);
		return "volunteer/certificate-check";
	}

	/** A team's certificates issued, for public notice: numbers, masked names, hours, dates. */
	@GetMapping("/public/volunteer/teams/{id}/certificates")
	String notice(@PathVariable UUID id, Model model) {
		List<Certificate> issued = certificates.issuedBy(id);
		model.addAttribute("team", queries.publicTeam(id).orElseThrow(() -> DomainException.notFound("team")));
		model.addAttribute("issued", issued);
		model.addAttribute("zone", zone);
		return "volunteer/certificate-notice";
	}
}
