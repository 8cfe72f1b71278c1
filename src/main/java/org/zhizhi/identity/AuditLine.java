package org.zhizhi.identity;

import java.util.List;

import org.zhizhi.identity.AuditPhrases.Part;

/**
 * An entry as the auditor reads it: the sentence (person, what he did, the object by name — ids only for the mouse)
 * and what its detail says in words ({@code null} when there is nothing to add to the outcome).
 */
public record AuditLine(AuditEntry entry, List<Part> sentence, String detail) {

	public AuditLine {
		sentence = List.copyOf(sentence);
	}

	/** The sentence as plain words, for the spreadsheet. */
	public String plain() {
		return AuditPhrases.plain(sentence);
	}
}
