/**
 * The command centre (一屏统揽、一键处置): the big screen of a street or district, the risk sentinel, and the
 * emergency whistle that calls an area's forces at once.
 */
package org.zhizhi.command;
