package org.zhizhi.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhizhi.identity.AuditEntry.Outcome;
import org.zhizhi.identity.AuditTrail;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.crypto.KeyRotation;
import org.zhizhi.territory.OrgUnitQueries;

/**
 * 密钥轮换: the security admin of the whole installation sees which keys seal personal data (their ids, never the
 * keys), how many values are under the primary key, and starts the re-encryption that moves the rest. Key management
 * is his duty among the 三员; nothing here shows or needs a resident's data. The page reloads itself while a run goes.
 */
@Controller
@Tag(name = "keys", description = "Key rotation of personal data (security admin of the installation)")
class KeyRotationController {

	private final KeyRotation rotation;

	private final AuditTrail audit;

	private final OrgUnitQueries orgUnits;

	KeyRotationController(KeyRotation rotation, AuditTrail audit, OrgUnitQueries orgUnits) {
		this.rotation = rotation;
		this.audit = audit;
		this.orgUnits = orgUnits;
	}

	@GetMapping("/admin/keys")
	String page(@AuthenticationPrincipal Actor actor, Model model, HttpServletResponse response) {
		requireInstallationWide(actor);
		KeyRotation.Status status = rotation.status();
		if (status.lastRun() != null && status.lastRun().running()) {
			response.setHeader("Refresh", "3");
		}
		model.addAttribute("status", status);
		return "identity/keys";
	}

	@PostMapping("/admin/keys/re-encryption")
	String start(@AuthenticationPrincipal Actor actor, HttpServletRequest request, RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice", started(actor, request) ? "keys.started" : "keys.alreadyRunning");
		return "redirect:/admin/keys";
	}

	@GetMapping("/api/v1/admin/keys")
	@ResponseBody
	@Operation(summary = "The key ring (ids only) and how many sealed values are under the primary key, per place")
	KeyRotation.Status status(@AuthenticationPrincipal Actor actor) {
		requireInstallationWide(actor);
		return rotation.status();
	}

	@PostMapping("/api/v1/admin/keys/re-encryption")
	@ResponseBody
	@Operation(summary = "Starts moving every sealed value to the primary key; 202, or 409 while a run goes on this "
			+ "node")
	ResponseEntity<KeyRotation.Status> startByApi(@AuthenticationPrincipal Actor actor, HttpServletRequest request) {
		if (!started(actor, request)) {
			throw new DomainException(Category.CONFLICT, "KEY_ROTATION_RUNNING", "keys.alreadyRunning");
		}
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(rotation.status());
	}

	private boolean started(Actor actor, HttpServletRequest request) {
		requireInstallationWide(actor);
		boolean started = rotation.start(actor.username());
		audit.record(actor, request.getRemoteAddr(), "KEY_ROTATION_START", "keys", null,
				started ? Outcome.SUCCESS : Outcome.DENIED, started ? null : "a run is going on this node");
		return started;
	}

	/** Keys are the installation's: a security admin of one district does not re-seal another's residents. */
	private void requireInstallationWide(Actor actor) {
		boolean root = orgUnits.bindingOf(actor.scope().orgUnitId()).map(node -> node.parentId() == null).orElse(false);
		if (!root) {
			throw new DomainException(Category.FORBIDDEN, "FORBIDDEN", "problem.forbidden");
		}
	}
}
