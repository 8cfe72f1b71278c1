/**
 * Places and grids: the management tree from the city down to micro-grids, with codes and boundaries — the tree every
 * user's data scope hangs on — the position-to-grid look-up ({@link org.zhizhi.territory.GridLocator}) and the grids'
 * 1+3+N teams.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Territory")
package org.zhizhi.territory;
