/**
 * Places and grids: the management tree from the city down to micro-grids, with codes and boundaries — the tree every
 * user's data scope hangs on.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Territory")
package org.zhizhi.territory;
