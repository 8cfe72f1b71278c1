package org.zhizhi.territory;

import org.springframework.stereotype.Component;
import org.zhizhi.shared.DataScope;

/**
 * The whole installation as a data scope, for what the platform reads acting for nobody: Open311's public reads cover
 * every incident of it, as a city's open data does; a module's listener follows an object of another module wherever
 * it is. The root node never changes once made, so it is looked up once.
 */
@Component
public class Installation {

	private final TerritoryManagement territory;

	private final String rootName;

	private final String rootCode;

	private volatile DataScope whole;

	Installation(TerritoryManagement territory, InstallationProperties installation) {
		this.territory = territory;
		this.rootName = installation.rootName();
		this.rootCode = installation.rootCode();
	}

	public DataScope whole() {
		DataScope scope = whole;
		if (scope == null) {
			// the root exists from the first start on (demo loader or first-start accounts): this only finds it
			scope = territory.ensureRoot(rootName, rootCode).scope();
			whole = scope;
		}
		return scope;
	}
}
