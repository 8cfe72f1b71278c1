package org.zhizhi.property.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.zhizhi.property.Assessments;
import org.zhizhi.property.Inspections;
import org.zhizhi.property.PartyOrg;
import org.zhizhi.property.PropertyCompanies;
import org.zhizhi.property.Rectifications;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.PlausibleYear;
import org.zhizhi.shared.spreadsheet.Xlsx;

/**
 * 物业监管 at the desk (inspectors, community, street and district staff): the companies of the scope with their party
 * coverage, estates, 红色管家 and owners' committees, the district's stated figures; a company's quarterly scores and
 * yearly ratings; the ratings of a year with their Excel export. And the public result of a rated company, for anyone.
 */
@Controller
class PropertyDeskPages {

	private final PropertyCompanies companies;

	private final Inspections inspections;

	private final Rectifications rectifications;

	private final Assessments assessments;

	private final MessageSource messages;

	private final java.time.Clock clock;

	private final ZoneId zone;

	private final org.zhizhi.territory.PlaceQueries places;

	PropertyDeskPages(PropertyCompanies companies, Inspections inspections, Rectifications rectifications,
			Assessments assessments, MessageSource messages, java.time.Clock clock, ZoneId zone,
			org.zhizhi.territory.PlaceQueries places) {
		this.places = places;
		this.companies = companies;
		this.inspections = inspections;
		this.rectifications = rectifications;
		this.assessments = assessments;
		this.messages = messages;
		this.clock = clock;
		this.zone = zone;
	}

	@GetMapping("/property")
	String companies(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String name, Model model) {
		model.addAttribute("companies", companies.companies(actor, name));
		model.addAttribute("name", name);
		model.addAttribute("overview", companies.overview(actor));
		model.addAttribute("partyOrgs", PartyOrg.values());
		model.addAttribute("committees", companies.committees(actor));
		model.addAttribute("lastYear", thisYear() - 1);
		model.addAttribute("registers", actor.hasAny(org.zhizhi.property.PropertyRoles.DESK));
		model.addAttribute("modes", places.estatesByGovernanceMode(actor.scope()));
		model.addAttribute("governanceModes", org.zhizhi.territory.GovernanceMode.values());
		model.addAttribute("estates", places.estates(actor.scope(), null, null));
		model.addAttribute("positions", org.zhizhi.property.CommitteePosition.values());
		// disputes are the community's, street's and district's desk's (not the inspector's)
		model.addAttribute("keepsDisputes", actor.hasAny(org.zhizhi.property.SelfRunRoles.DESK));
		return "property/companies";
	}

	@GetMapping("/property/companies/{id}")
	String company(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) @PlausibleYear Integer year, Model model) {
		int y = year == null ? thisYear() : year;
		model.addAttribute("detail",
				companies.detail(actor, id, inspections.list(actor, id, 24), rectifications.list(actor, id, null)));
		model.addAttribute("year", y);
		model.addAttribute("thisYear", thisYear());
		model.addAttribute("quarters", assessments.quarters(actor, id, y));
		// the register's forms: the desk keeps contracts and stewards, the district and inspectors rate
		model.addAttribute("keeps", actor.hasAny(org.zhizhi.property.PropertyRoles.DESK));
		model.addAttribute("rates", actor.hasAny(org.zhizhi.property.PropertyRoles.RATERS));
		model.addAttribute("estates", places.estates(actor.scope(), null, null));
		return "property/company";
	}

	@GetMapping("/property/ratings")
	String ratings(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) @PlausibleYear Integer year,
			Model model) {
		int y = year == null ? thisYear() - 1 : year;
		model.addAttribute("ratings", assessments.ratings(actor, y));
		model.addAttribute("year", y);
		model.addAttribute("thisYear", thisYear());
		return "property/ratings";
	}

	@GetMapping("/property/ratings.xlsx")
	ResponseEntity<byte[]> ratingsWorkbook(@AuthenticationPrincipal Actor actor, Locale locale,
			@RequestParam(required = false) @PlausibleYear Integer year) {
		int y = year == null ? thisYear() - 1 : year;
		return Xlsx.download(RatingsWorkbook.of(assessments.ratings(actor, y), messages, locale),
				"property-ratings-" + y + ".xlsx");
	}

	/** A rated company's result for anyone, no sign-in: name, party coverage, estates and ratings — no person. */
	@GetMapping("/public/property/companies/{id}")
	String publicResult(@PathVariable UUID id, Model model) {
		model.addAttribute("result", assessments.publicResult(id));
		return "property/public";
	}

	private int thisYear() {
		return LocalDate.now(clock.withZone(zone)).getYear();
	}
}
