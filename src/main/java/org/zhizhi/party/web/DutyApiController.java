package org.zhizhi.party.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhizhi.party.DutyCommands.NewDutyPost;
import org.zhizhi.party.DutyCommands.NewOnceShift;
import org.zhizhi.party.DutyCommands.NewWeeklyShift;
import org.zhizhi.party.DutyPost;
import org.zhizhi.party.DutyPosts;
import org.zhizhi.party.DutyRosters;
import org.zhizhi.party.DutyShift;
import org.zhizhi.party.OnDuty;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** 党员示范岗 and 责任区 with their rosters as JSON, and who is on duty in grids at a moment. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "party", description = "Party organisations, members, hub households and the estate chain")
class DutyApiController {

	private final DutyRosters rosters;

	private final DutyPosts posts;

	DutyApiController(DutyRosters rosters, DutyPosts posts) {
		this.rosters = rosters;
		this.posts = posts;
	}

	record PostDetail(DutyPost post, List<DutyShift> roster) {
	}

	@GetMapping("/duty-posts")
	@Operation(summary = "Model posts (党员示范岗) and duty zones (责任区) within the caller's scope, of one organisation if given")
	List<DutyPost> posts(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) UUID orgId) {
		return rosters.posts(actor, orgId);
	}

	@PostMapping("/duty-posts")
	@Operation(summary = "Set up a model post or duty zone of a party organisation over grids of the caller's scope")
	ResponseEntity<DutyPost> addPost(@AuthenticationPrincipal Actor actor, @RequestBody NewDutyPost body) {
		DutyPost post = posts.addPost(actor, body);
		return ResponseEntity.created(URI.create("/api/v1/duty-posts/" + post.id())).body(post);
	}

	@GetMapping("/duty-posts/{id}")
	@Operation(summary = "One post with its roster")
	PostDetail post(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		DutyPost post = rosters.post(actor, id).orElseThrow(() -> DomainException.notFound("duty-post"));
		return new PostDetail(post, rosters.roster(actor, id));
	}

	@PostMapping("/duty-posts/{id}/close")
	@Operation(summary = "Close a post: nobody is on duty on it from now")
	DutyPost close(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return posts.closePost(actor, id);
	}

	@PostMapping("/duty-posts/{id}/once-shifts")
	@Operation(summary = "Put a member on the post's roster once, from a moment to a later one (a week at most)")
	ResponseEntity<DutyShift> once(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody NewOnceShift body) {
		DutyShift shift = posts.addOnceShift(actor, id, body);
		return ResponseEntity.created(URI.create("/api/v1/duty-posts/" + id + "/shifts/" + shift.id())).body(shift);
	}

	@PostMapping("/duty-posts/{id}/weekly-shifts")
	@Operation(summary = "Put a member on the post's roster every week on a day between two local times "
			+ "(an end not after the start runs past midnight)")
	ResponseEntity<DutyShift> weekly(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody NewWeeklyShift body) {
		DutyShift shift = posts.addWeeklyShift(actor, id, body);
		return ResponseEntity.created(URI.create("/api/v1/duty-posts/" + id + "/shifts/" + shift.id())).body(shift);
	}

	@DeleteMapping("/duty-posts/{id}/shifts/{shiftId}")
	@Operation(summary = "Take a shift off the roster (kept as history)")
	ResponseEntity<Void> removeShift(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@PathVariable UUID shiftId) {
		posts.removeShift(actor, id, shiftId);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/on-duty")
	@Operation(summary = "The members on duty in the grids at a moment (now if not given), with the account to notify")
	List<OnDuty> onDuty(@AuthenticationPrincipal Actor actor, @RequestParam List<UUID> gridIds,
			@RequestParam(required = false) Instant at) {
		return rosters.onDuty(actor, gridIds, at);
	}
}
