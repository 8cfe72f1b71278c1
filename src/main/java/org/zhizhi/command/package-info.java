/**
 * The command centre (一屏统揽、一键处置): the sentinel's rules and alerts, its adviser, supervision and optimisation, and the street's and district's big screen.
 */
package org.zhizhi.command;
