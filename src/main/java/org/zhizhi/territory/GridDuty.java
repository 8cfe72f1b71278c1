package org.zhizhi.territory;

/**
 * The five grid duties (五大员) a team member takes: grid worker 网格员, policy promoter 政策宣传员, mediator 矛盾调解员,
 * environment keeper 环境管理员, opinion collector 意见收集员.
 */
public enum GridDuty {
	GRID_WORKER, POLICY_PROMOTER, MEDIATOR, ENVIRONMENT_KEEPER, OPINION_COLLECTOR
}
