package org.zhizhi.deliberation.web;

import java.io.IOException;
import java.net.URI;
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
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.zhizhi.deliberation.AddTask;
import org.zhizhi.deliberation.Ballot;
import org.zhizhi.deliberation.CastVote;
import org.zhizhi.deliberation.CoFunding;
import org.zhizhi.deliberation.FundView;
import org.zhizhi.deliberation.OpenFund;
import org.zhizhi.deliberation.RecordFundEntry;
import org.zhizhi.deliberation.ChangeVoteRule;
import org.zhizhi.deliberation.CommentOnTopic;
import org.zhizhi.deliberation.CompleteTask;
import org.zhizhi.deliberation.DeliberationManagement;
import org.zhizhi.deliberation.DeliberationQueries;
import org.zhizhi.deliberation.MergeTopic;
import org.zhizhi.deliberation.OpenVoting;
import org.zhizhi.deliberation.RaiseTopic;
import org.zhizhi.deliberation.RateTopic;
import org.zhizhi.deliberation.RecordDecision;
import org.zhizhi.deliberation.TopicState;
import org.zhizhi.deliberation.TopicSummary;
import org.zhizhi.deliberation.TopicView;
import org.zhizhi.deliberation.WithdrawTopic;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;

/**
 * Topics over JSON: 提事 → 议事 → 决事 → 执事 → 评事. Every step answers the topic as the caller sees it now, with the
 * steps he may take next ({@code allowedActions}); refusals are RFC 9457 problems.
 */
@RestController
@RequestMapping("/api/v1/topics")
@Tag(name = "topics", description = "Residents' deliberation: topics, votes by household, tasks and ratings")
class TopicApiController {

	/** The vote as counted now, and — for the desk of the topic's scope — every household with its vote. */
	record Votes(TopicView.Count count, List<Ballot> ballots) {
	}

	private final DeliberationManagement management;

	private final DeliberationQueries queries;

	private final CoFunding funding;

	private final DeliberationWorkbooks workbooks;

	TopicApiController(DeliberationManagement management, DeliberationQueries queries, CoFunding funding,
			DeliberationWorkbooks workbooks) {
		this.workbooks = workbooks;
		this.management = management;
		this.queries = queries;
		this.funding = funding;
	}

	@GetMapping
	@Operation(summary = "Topics of the caller's home (residents) or scope (staff), newest first")
	List<TopicSummary> list(@AuthenticationPrincipal Actor actor,
			@RequestParam(name = "state", required = false) List<TopicState> states) {
		return queries.topics(actor, states == null ? List.of() : states);
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "提事: raises a topic (a resident about his own building, estate or community)")
	ResponseEntity<TopicView> raise(@AuthenticationPrincipal Actor actor, @RequestBody RaiseTopic body) {
		UUID id = management.raise(actor, body).id();
		return ResponseEntity.created(URI.create("/api/v1/topics/" + id)).body(queries.topic(actor, id));
	}

	@GetMapping("/{id}")
	@Operation(summary = "A topic with its count, decision, tasks, ratings, comments and timeline")
	TopicView topic(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return queries.topic(actor, id);
	}

	@PostMapping("/{id}/cosigns")
	@Operation(summary = "The caller's household co-signs (联名); enough co-signs put the topic on the agenda")
	TopicView cosign(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		management.cosign(actor, id);
		return queries.topic(actor, id);
	}

	@PostMapping("/{id}/comments")
	@Operation(summary = "议事: a comment with its stance, or a reply to one")
	ResponseEntity<TopicView> comment(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody CommentOnTopic body) {
		UUID comment = management.comment(actor, id, body);
		return ResponseEntity.created(URI.create("/api/v1/topics/" + id + "/comments/" + comment))
			.body(queries.topic(actor, id));
	}

	@PostMapping("/{id}/admission")
	@Operation(summary = "Puts the topic on the agenda (列入议程)")
	TopicView admit(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		management.admit(actor, id);
		return queries.topic(actor, id);
	}

	@PostMapping("/{id}/rounds")
	@Operation(summary = "Opens the next round of opinions (征求意见)")
	TopicView openRound(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		management.openRound(actor, id);
		return queries.topic(actor, id);
	}

	@PostMapping("/{id}/voting")
	@Operation(summary = "决事: opens the households' vote under a rule; the electorate is frozen now")
	TopicView openVoting(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @RequestBody OpenVoting body) {
		management.openVoting(actor, id, body);
		return queries.topic(actor, id);
	}

	@PutMapping("/{id}/voting/rule")
	@Operation(summary = "Changes the rule of a vote nobody has voted in yet (409 RULE_FROZEN after the first vote)")
	TopicView changeRule(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody ChangeVoteRule body) {
		management.changeRule(actor, id, body);
		return queries.topic(actor, id);
	}

	@PostMapping(value = "/{id}/votes", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "A household's vote (one per household, changeable until the vote closes)")
	Votes vote(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @RequestBody CastVote body) {
		management.vote(actor, id, body, null);
		return votes(actor, id);
	}

	@PostMapping(value = "/{id}/votes", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "A paper ballot entered by the desk: the household, its choice and the ballot's photo")
	Votes paperVote(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @RequestPart("vote") CastVote body,
			@RequestPart(name = "ballot", required = false) MultipartFile ballot) throws IOException {
		management.vote(actor, id, body, ballot == null ? null : ballot.getBytes());
		return votes(actor, id);
	}

	@GetMapping("/{id}/votes")
	@Operation(summary = "The vote as counted now; the desk also gets every household with its vote")
	Votes votes(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		TopicView topic = queries.topic(actor, id);
		List<Ballot> ballots;
		try {
			ballots = queries.ballots(actor, id);
		}
		catch (DomainException notTheDesk) {
			ballots = null;
		}
		return new Votes(topic.count(), ballots);
	}

	@PostMapping("/{id}/voting/close")
	@Operation(summary = "Closes the vote: the frozen rule decides on the final count")
	TopicView closeVoting(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		management.closeVoting(actor, id);
		return queries.topic(actor, id);
	}

	@PostMapping("/{id}/decision")
	@Operation(summary = "Records the decision of a representatives' meeting or the branch, with its minutes")
	TopicView decide(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @RequestBody RecordDecision body) {
		management.recordDecision(actor, id, body);
		return queries.topic(actor, id);
	}

	@PostMapping("/{id}/tasks")
	@Operation(summary = "执事: a task of the decision, with who answers for it and by when")
	ResponseEntity<TopicView> addTask(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody AddTask body) {
		UUID task = management.addTask(actor, id, body);
		return ResponseEntity.created(URI.create("/api/v1/topics/" + id + "/tasks/" + task))
			.body(queries.topic(actor, id));
	}

	@PostMapping("/{id}/tasks/{taskId}/completion")
	@Operation(summary = "A task done, with what was done")
	TopicView completeTask(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @PathVariable UUID taskId,
			@RequestBody CompleteTask body) {
		management.completeTask(actor, id, taskId, body);
		return queries.topic(actor, id);
	}

	@PostMapping("/{id}/execution/finish")
	@Operation(summary = "Every task done: the households judge the outcome (评事)")
	TopicView finish(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		management.finishExecution(actor, id);
		return queries.topic(actor, id);
	}

	@PostMapping("/{id}/ratings")
	@Operation(summary = "评事: the caller's household rates the outcome, once")
	TopicView rate(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @RequestBody RateTopic body) {
		management.rate(actor, id, body);
		return queries.topic(actor, id);
	}

	@PostMapping("/{id}/close")
	@Operation(summary = "Closes a judged (or failed) topic")
	TopicView close(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		management.close(actor, id);
		return queries.topic(actor, id);
	}

	@PostMapping("/{id}/withdrawal")
	@Operation(summary = "Withdraws a topic before its vote (its raiser, or the desk)")
	TopicView withdraw(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @RequestBody WithdrawTopic body) {
		management.withdraw(actor, id, body);
		return queries.topic(actor, id);
	}

	@PostMapping("/{id}/merge")
	@Operation(summary = "Merges a duplicate into another open topic of the scope")
	TopicView merge(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @RequestBody MergeTopic body) {
		management.merge(actor, id, body);
		return queries.topic(actor, id);
	}

	@PostMapping("/{id}/fund")
	@Operation(summary = "共筹: opens the co-funding of a decided topic, with its target and each household's share")
	ResponseEntity<FundView> openFund(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody OpenFund body) {
		funding.open(actor, id, body);
		return ResponseEntity.created(URI.create("/api/v1/topics/" + id + "/fund")).body(fund(actor, id));
	}

	@GetMapping("/{id}/fund")
	@Operation(summary = "The co-funding accounts: target, pledged, paid, spent, balance and every line")
	FundView fund(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		queries.topic(actor, id);
		return funding.accounts(id).orElseThrow(() -> DomainException.notFound("fund"));
	}

	@GetMapping("/{id}/fund.xlsx")
	@Operation(summary = "The co-funding accounts as .xlsx, for the accounts board")
	ResponseEntity<byte[]> fundWorkbook(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		TopicView topic = queries.topic(actor, id);
		if (topic.fund() == null) {
			throw DomainException.notFound("fund");
		}
		return org.zhizhi.shared.spreadsheet.Xlsx.download(workbooks.ledger(topic), topic.title() + ".xlsx");
	}

	@PostMapping(value = "/{id}/fund/entries", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "A line of the ledger: a household's pledge, a payment (numbered receipt)")
	ResponseEntity<FundView> record(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody RecordFundEntry body) {
		funding.record(actor, id, body, null);
		return ResponseEntity.status(201).body(fund(actor, id));
	}

	@PostMapping(value = "/{id}/fund/entries", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "A spending with its voucher's photo (or any line sent as a form)")
	ResponseEntity<FundView> recordWithVoucher(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestPart("entry") RecordFundEntry body,
			@RequestPart(name = "voucher", required = false) MultipartFile voucher) throws IOException {
		funding.record(actor, id, body, voucher == null ? null : voucher.getBytes());
		return ResponseEntity.status(201).body(fund(actor, id));
	}
}
