/**
 * The command centre: the big screen of a district, street or community that shows everything at once and hands each
 * one-click step to the module that owns it (一屏统揽、一键处置).
 */
package org.zhizhi.command;
