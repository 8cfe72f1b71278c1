package org.zhizhi.territory.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.FormErrors;
import org.zhizhi.territory.OrgLevel;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.OrgUnitFilter;
import org.zhizhi.territory.OrgUnitQueries;
import org.zhizhi.territory.GridDuty;
import org.zhizhi.territory.GridTeams;
import org.zhizhi.territory.MapProperties;
import org.zhizhi.territory.NewTeamMember;
import org.zhizhi.territory.TeamPosition;
import org.zhizhi.territory.TerritoryManagement;

/** The grid map of the user's scope, the grid card it opens, and boundary files in and out from a node's page. */
@Controller
@RequestMapping("/territory")
class GridPageController {

	/** A boundary file is a few kilobytes; anything much larger is not one. */
	private static final long MAX_FILE_BYTES = 512 * 1024;

	private final OrgUnitQueries queries;

	private final TerritoryManagement management;

	private final GridTeams teams;

	private final MessageSource messages;

	private final String tileUrl;

	private final String tileAttribution;

	GridPageController(OrgUnitQueries queries, TerritoryManagement management, GridTeams teams,
			MessageSource messages, MapProperties map) {
		this.queries = queries;
		this.management = management;
		this.teams = teams;
		this.messages = messages;
		this.tileUrl = map.tileUrl();
		this.tileAttribution = map.tileAttribution();
	}

	/** One grid or micro-grid on the map page. */
	record MapCell(UUID id, UUID parentId, String level, String name, String code, String kind, String boundary) {

		static MapCell of(OrgUnit unit) {
			return new MapCell(unit.id(), unit.parentId(), unit.level().name(), unit.name(), unit.code(), unit.kind(),
					unit.boundary());
		}
	}

	@GetMapping("/map")
	String map(@AuthenticationPrincipal Actor actor, Model model) {
		List<MapCell> grids = cells(actor, OrgLevel.GRID);
		List<MapCell> microGrids = cells(actor, OrgLevel.MICRO_GRID);
		model.addAttribute("grids", grids);
		model.addAttribute("microGrids", microGrids);
		model.addAttribute("residentialCount", grids.stream().filter(g -> "RESIDENTIAL".equals(g.kind())).count());
		model.addAttribute("parkCount", grids.stream().filter(g -> "PARK".equals(g.kind())).count());
		model.addAttribute("tileUrl", tileUrl);
		model.addAttribute("tileAttribution", tileAttribution);
		return "territory/map";
	}

	/** The card of one grid, loaded into the map page when the user clicks the grid. */
	@GetMapping("/{id}/card")
	String card(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		OrgUnit grid = queries.find(actor.scope(), id)
			.filter(g -> g.level() == OrgLevel.GRID)
			.orElseThrow(() -> DomainException.notFound("grid"));
		model.addAttribute("grid", grid);
		model.addAttribute("team", actor.hasAny(org.zhizhi.shared.Role.BUSINESS) ? teams.of(actor.scope(), grid.id())
				: java.util.List.of());
		model.addAttribute("microGridCount", queries.childCounts(actor.scope(), List.of(grid.id()))
			.getOrDefault(grid.id(), 0L));
		return "territory/map :: card";
	}

	@PostMapping("/{id}/boundary")
	String upload(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect)
			throws IOException {
		try {
			if (file == null || file.isEmpty() || file.getSize() > MAX_FILE_BYTES) {
				throw new DomainException(DomainException.Category.INVALID, "BOUNDARY_FILE_MISSING",
						"territory.boundary.fileMissing", List.of(new DomainException.FieldProblem("boundary",
								"territory.boundary.fileMissing")));
			}
			management.replaceBoundary(actor, id, new String(file.getBytes(), StandardCharsets.UTF_8));
			redirect.addFlashAttribute("notice", "territory.boundary.replaced");
		}
		catch (DomainException e) {
			if (e.category() != DomainException.Category.INVALID) {
				throw e;
			}
			redirect.addFlashAttribute("boundaryErrors", FormErrors.of(e, messages).of("boundary"));
		}
		return "redirect:/territory/" + id;
	}

	/** Adds a member to the grid's team from the form on the grid's page. */
	@PostMapping("/{id}/team")
	String addTeamMember(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) TeamPosition position, @RequestParam(required = false) String name,
			@RequestParam(required = false) String workPhone,
			@RequestParam(name = "duties", required = false) List<GridDuty> duties, RedirectAttributes redirect) {
		try {
			teams.add(actor, id, new NewTeamMember(position, name, null, workPhone,
					duties == null ? Set.of() : Set.copyOf(duties)));
			redirect.addFlashAttribute("notice", "team.added");
		}
		catch (DomainException e) {
			if (e.category() != DomainException.Category.INVALID && e.category() != DomainException.Category.CONFLICT) {
				throw e;
			}
			redirect.addFlashAttribute("teamErrors", FormErrors.of(e, messages));
		}
		return "redirect:/territory/" + id + "#team";
	}

	/** The boundaries of the node's children (its grids or micro-grids), as the API exports them. */
	@GetMapping("/{id}/boundaries.geojson")
	ResponseEntity<String> downloadChildren(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		OrgUnit node = queries.find(actor.scope(), id).orElseThrow(() -> DomainException.notFound("org-unit"));
		return download(BoundaryGeoJson.featureCollection(
				queries.list(actor.scope(), OrgUnitFilter.childrenOf(node.id()))), BoundaryGeoJson.fileName(node,
						"-children"));
	}

	/** The node's own boundary as one Feature: the file to edit and upload again. */
	@GetMapping("/{id}/boundary.geojson")
	ResponseEntity<String> downloadOwn(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		OrgUnit node = queries.find(actor.scope(), id)
			.filter(n -> n.boundary() != null)
			.orElseThrow(() -> DomainException.notFound("org-unit"));
		return download(BoundaryGeoJson.feature(node), BoundaryGeoJson.fileName(node, ""));
	}

	private List<MapCell> cells(Actor actor, OrgLevel level) {
		return queries.list(actor.scope(), new OrgUnitFilter(null, null, level))
			.stream()
			.filter(u -> u.boundary() != null)
			.map(MapCell::of)
			.toList();
	}

	private static ResponseEntity<String> download(String body, String fileName) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_TYPE, BoundaryGeoJson.MEDIA_TYPE + ";charset=UTF-8")
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
			.body(body);
	}
}
