package org.zhizhi.property.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhizhi.property.Assessments;
import org.zhizhi.property.CommitteePosition;
import org.zhizhi.property.PartyOrg;
import org.zhizhi.property.PropertyCommands;
import org.zhizhi.property.PropertyCompanies;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.FormErrors;
import org.zhizhi.shared.PlausibleYear;

/**
 * The desk's forms of the property register, each the module's own command: a company registered at the desk's
 * district or street, an estate's owners' committee, a contract with an estate, a 红色管家, and the yearly rating
 * from its quarters.
 */
@Controller
class PropertyRegistryPages {

	private final PropertyCompanies companies;

	private final Assessments assessments;

	private final MessageSource messages;

	PropertyRegistryPages(PropertyCompanies companies, Assessments assessments, MessageSource messages) {
		this.companies = companies;
		this.assessments = assessments;
		this.messages = messages;
	}

	@PostMapping("/property/companies")
	String register(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String name,
			@RequestParam(required = false) String licenceNo, @RequestParam(required = false) String contactName,
			@RequestParam(required = false) String contactPhone, @RequestParam(required = false) PartyOrg partyOrg,
			RedirectAttributes redirect) {
		return FormErrors.step(redirect, "/property", "property.notice.registered",
				() -> companies.register(actor, new PropertyCommands.NewCompany(actor.scope().orgUnitId(), name,
						licenceNo, contactName, contactPhone, partyOrg)),
				messages, "property.state.", "property.step.");
	}

	/** An owners' committee: the member rows with a name, each with its position and whether a party member. */
	@PostMapping("/property/committees")
	String committee(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) UUID estateId,
			@RequestParam(required = false) LocalDate termStarts, @RequestParam(required = false) LocalDate termEnds,
			@RequestParam(name = "memberName", required = false) List<String> names,
			@RequestParam(name = "memberPosition", required = false) List<String> positions,
			@RequestParam(name = "memberParty", required = false) List<String> party, RedirectAttributes redirect) {
		List<PropertyCommands.NewMember> members = new ArrayList<>();
		for (int i = 0; names != null && i < names.size(); i++) {
			if (names.get(i) != null && !names.get(i).isBlank()) {
				members.add(new PropertyCommands.NewMember(names.get(i), position(positions, i),
						party != null && i < party.size() && "true".equals(party.get(i))));
			}
		}
		return FormErrors.step(redirect, "/property", "property.notice.committeeRegistered",
				() -> companies.committee(actor,
						new PropertyCommands.NewCommittee(estateId, termStarts, termEnds, members)),
				messages, "property.state.", "property.step.");
	}

	private static CommitteePosition position(List<String> positions, int i) {
		if (positions == null || i >= positions.size()) {
			return null;
		}
		return Arrays.stream(CommitteePosition.values())
			.filter(p -> p.name().equals(positions.get(i)))
			.findFirst()
			.orElse(null);
	}

	@PostMapping("/property/companies/{id}/contracts")
	String contract(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) UUID estateId, @RequestParam(required = false) LocalDate startsOn,
			@RequestParam(required = false) LocalDate endsOn, RedirectAttributes redirect) {
		return step(redirect, id, "property.notice.contracted",
				() -> companies.contract(actor, id, new PropertyCommands.NewContract(estateId, startsOn, endsOn)));
	}

	@PostMapping("/property/companies/{id}/stewards")
	String steward(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String name, @RequestParam(required = false) String post,
			@RequestParam(required = false) Boolean partyMember, @RequestParam(required = false) UUID estateId,
			RedirectAttributes redirect) {
		return step(redirect, id, "property.notice.stewardAdded", () -> companies.steward(actor, id,
				new PropertyCommands.NewSteward(name, post, partyMember != null && partyMember, estateId)));
	}

	@PostMapping("/property/companies/{id}/ratings")
	String rate(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) @PlausibleYear Integer year,
			@RequestParam(required = false) Boolean title, RedirectAttributes redirect) {
		return step(redirect, id, "property.notice.rated",
				() -> assessments.rate(actor, id, new PropertyCommands.RateCompany(year, title != null && title)));
	}

	private String step(RedirectAttributes redirect, UUID company, String notice, Runnable command) {
		return FormErrors.step(redirect, "/property/companies/" + company, notice, command, messages, "property.state.",
				"property.step.");
	}
}
