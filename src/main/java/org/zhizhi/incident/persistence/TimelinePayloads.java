package org.zhizhi.incident.persistence;

import org.springframework.stereotype.Component;
import org.zhizhi.incident.TimelineDetail;

import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/** A timeline entry's typed detail in and out of its {@code jsonb} column, with its kind named in the JSON. */
@Component
class TimelinePayloads {

	private final JsonMapper json;

	private final ObjectWriter writer;

	TimelinePayloads(JsonMapper json) {
		this.json = json;
		this.writer = json.writerFor(TimelineDetail.class);
	}

	String write(TimelineDetail detail) {
		return detail == null ? null : writer.writeValueAsString(detail);
	}

	TimelineDetail read(String text) {
		return text == null ? null : json.readValue(text, TimelineDetail.class);
	}
}
