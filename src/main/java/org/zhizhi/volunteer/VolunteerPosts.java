package org.zhizhi.volunteer;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.CommandShape;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.HasText;
import org.zhizhi.shared.Ids;
import org.zhizhi.shared.TextLength;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.OrgUnitQueries;
import org.zhizhi.volunteer.persistence.JdbcPosts;

/**
 * 志愿岗位 (南岸, seed 004: party members claim posts — 民情联络、治安巡逻、文明劝导、纠纷调解、结对帮扶、五长联动): a volunteer
 * of a place claims a post of it with his duty schedule; one post of a kind at a time (two claims at once are one);
 * he gives it up himself. The desk sees who holds what in its scope.
 */
@Service
public class VolunteerPosts {

	public record ClaimPost(@NotNull(message = VolunteerCommands.REQUIRED) PostKind kind,
			@HasText(message = VolunteerCommands.REQUIRED) @TextLength(min = 2, max = 200,
					message = VolunteerCommands.LENGTH) String duty) {
	}

	private final JdbcPosts posts;

	private final OrgUnitQueries orgUnits;

	private final CommandShape shape;

	private final Clock clock;

	VolunteerPosts(JdbcPosts posts, OrgUnitQueries orgUnits, CommandShape shape, Clock clock) {
		this.posts = posts;
		this.orgUnits = orgUnits;
		this.shape = shape;
		this.clock = clock;
	}

	/** A post of the volunteer's own node, with his duty schedule. */
	@Transactional
	public VolunteerPost claim(Actor actor, ClaimPost command) {
		if (!actor.hasAny(ParticipationLifecycle.VOLUNTEERS)) {
			throw new DomainException(Category.FORBIDDEN, "FORBIDDEN", "problem.forbidden");
		}
		shape.check(command);
		OrgUnit node = orgUnits.bindingOf(actor.scope().orgUnitId()).orElseThrow();
		return claim(node, command.kind(), actor.userId(), actor.displayName(), command.duty().strip(),
				clock.instant());
	}

	/** The same for a person of the paper records (history, the demo). */
	@Transactional
	public VolunteerPost claim(OrgUnit node, PostKind kind, UUID holderId, String holderName, String duty, Instant at) {
		VolunteerPost post = new VolunteerPost(Ids.newId(Clock.fixed(at, ZoneOffset.UTC)), node.id(), node.name(),
				node.path(), kind, holderId, holderName, duty, at, null);
		if (!posts.claim(post)) {
			throw new DomainException(Category.CONFLICT, "POST_HELD", "volunteer.postHeld");
		}
		return post;
	}

	@Transactional
	public void release(Actor actor, UUID id) {
		if (!posts.release(id, actor.userId(), clock.instant())) {
			throw DomainException.notFound("post");
		}
	}

	/**
	 * The posts held inside the scope at the places of an area: under one of {@code subtrees} (a grid and its
	 * micro-grids) or exactly at one of {@code nodes} (the community a grid belongs to) — whom an emergency whistle
	 * over that area calls. Another module's question, so no role check: the scope is the caller's.
	 */
	@Transactional(readOnly = true)
	public List<VolunteerPost> heldAt(DataScope scope, Collection<String> subtrees, Collection<String> nodes) {
		if (subtrees.isEmpty() && nodes.isEmpty()) {
			return List.of();
		}
		return posts.heldAt(scope, subtrees, nodes);
	}

	/** The posts held in the actor's scope (the desk), or of his place. */
	public List<VolunteerPost> held(Actor actor) {
		return posts.held(actor.scope());
	}
}
