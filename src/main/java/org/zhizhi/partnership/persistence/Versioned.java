package org.zhizhi.partnership.persistence;

/**
 * A row as a step read it, with the version its save is conditional on ({@code UPDATE … WHERE id = ? AND version = ?}).
 * The version stays beside the record rather than in it, because partnership's records are also the API's answers,
 * whose fields stay as they are.
 */
public record Versioned<T>(T value, int version) {
}
