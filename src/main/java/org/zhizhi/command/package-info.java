/**
 * The command centre (一屏统揽、一键处置): the big screen of a district, street or community that shows everything at
 * once and hands each one-click step to the module that owns it; the risk sentinel's rules and alerts with its
 * adviser, supervision and optimisation; and the emergency whistle that calls an area's forces at once.
 */
package org.zhizhi.command;
