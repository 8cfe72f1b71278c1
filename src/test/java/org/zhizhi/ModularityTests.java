package org.zhizhi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module boundaries hold, and the module map in the README is drawn from the code itself. */
class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(ZhizhiApplication.class);

	@Test
	void modulesOnlyUseEachOthersPublicApi() {
		modules.verify();
	}

	@Test
	void writesTheModuleMap() {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder("target/modules"))
			.writeModulesAsPlantUml(Documenter.DiagramOptions.defaults())
			.writeModuleCanvases();
	}

	/**
	 * The module map in the README is the one the code has: this fails when a dependency changes and it is stale. The
	 * current map is written under target/ (a test never writes into the sources) for copying into the README.
	 */
	@Test
	void readmeShowsTheCurrentModuleMap() throws IOException {
		String map = mermaid();
		Files.createDirectories(Path.of("target/modules"));
		Files.writeString(Path.of("target/modules/module-map.mmd"), map);
		assertThat(Files.readString(Path.of("README.md"))).as("README.md module map (copy target/modules/module-map.mmd)")
			.contains(map);
	}

	static String mermaid() {
		StringBuilder text = new StringBuilder("flowchart LR\n");
		modules.stream().sorted(Comparator.comparing(m -> m.getIdentifier().toString())).forEach(module -> {
			String dependencies = module.getDirectDependencies(modules)
				.uniqueModules()
				.map(target -> target.getIdentifier().toString())
				.filter(target -> !target.equals("shared"))
				.sorted()
				.distinct()
				.collect(Collectors.joining(" & "));
			if (!dependencies.isEmpty()) {
				text.append("  ").append(module.getIdentifier()).append(" --> ").append(dependencies).append('\n');
			}
		});
		return text.toString();
	}
}
