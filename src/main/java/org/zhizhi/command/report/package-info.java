/**
 * The command centre's monthly report of a node (区, 街道, 社区): every section gathered from the modules' own queries
 * for that node and month, written as a PDF or an .xlsx with charts, in the background with its progress shown.
 */
package org.zhizhi.command.report;
