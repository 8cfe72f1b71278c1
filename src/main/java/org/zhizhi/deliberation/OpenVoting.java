package org.zhizhi.deliberation;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

import org.zhizhi.shared.PlausibleDate;

/** 决事 by the households: the rule (frozen from the first vote) and, if announced, the last day of voting. */
public record OpenVoting(@NotNull(message = TopicInput.REQUIRED) VoteRule rule, @PlausibleDate LocalDate closesOn) {
}
