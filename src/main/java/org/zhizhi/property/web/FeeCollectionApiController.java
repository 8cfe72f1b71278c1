package org.zhizhi.property.web;

import java.time.YearMonth;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhizhi.property.SelfRunBooks;
import org.zhizhi.property.SelfRunBooks.ScopeCollection;
import org.zhizhi.shared.Actor;

/** The self-run fees collected across the desk's scope: the sums of every estate's collection in a month. */
@RestController
@Tag(name = "property")
class FeeCollectionApiController {

	private final SelfRunBooks books;

	FeeCollectionApiController(SelfRunBooks books) {
		this.books = books;
	}

	@GetMapping("/api/v1/property/fee-collection")
	@Operation(summary = "The self-run fee collection of the caller's scope in a month (default: this month): bodies, "
			+ "buildings, bills issued, paid, exempted, the rate paid of what is due (null while nothing is due) and "
			+ "the buildings of a finished month below their body's threshold — the sums of each estate's "
			+ "/api/v1/estates/{id}/fees/collection")
	ScopeCollection feeCollection(@AuthenticationPrincipal Actor actor,
			@RequestParam(required = false) YearMonth month) {
		return books.collectionOfScope(actor, month == null ? books.thisMonth() : month);
	}
}
