package org.zhizhi;

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
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
			.writeModulesAsPlantUml(Documenter.DiagramOptions.defaults())
			.writeModuleCanvases();
	}
}
