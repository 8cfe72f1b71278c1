package org.zhizhi.open311.web;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.springframework.http.MediaType;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes one answer tree (maps, lists and plain values) as the JSON or the XML of the specification, so that both
 * formats carry exactly the same content: a list becomes a container element holding one element per item
 * ({@code <services><service>…}), a value that is absent is left out in both.
 */
final class Open311Formats {

	/**
	 * Exactly {@code application/json}: JSON is UTF-8 by definition (RFC 8259) and takes no charset parameter, and
	 * Open311 clients and validators compare the type as a string.
	 */
	static final MediaType JSON = MediaType.APPLICATION_JSON;

	/** Exactly the specification's {@code text/xml}; the document names its encoding in its prolog (UTF-8). */
	static final MediaType XML = MediaType.TEXT_XML;

	/** The element names of the items of nested lists. */
	private static final Map<String, String> ITEM_NAMES = Map.of("attributes", "attribute", "values", "value",
			"endpoints", "endpoint", "formats", "format");

	private static final XMLOutputFactory XML_OUTPUT = XMLOutputFactory.newFactory();

	private Open311Formats() {
	}

	static String json(JsonMapper mapper, Object tree) {
		return mapper.writeValueAsString(tree);
	}

	/** The tree as XML under {@code root}; a top-level list names its items {@code item}. */
	static String xml(String root, String item, Object tree) {
		StringWriter out = new StringWriter();
		try {
			XMLStreamWriter xml = XML_OUTPUT.createXMLStreamWriter(out);
			xml.writeStartDocument("UTF-8", "1.0");
			xml.writeStartElement(root);
			if (tree instanceof List<?> list) {
				for (Object element : list) {
					write(xml, item, element);
				}
			}
			else {
				content(xml, tree);
			}
			xml.writeEndElement();
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException e) {
			throw new IllegalStateException(e);
		}
		return out.toString();
	}

	private static void write(XMLStreamWriter xml, String name, Object value) throws XMLStreamException {
		if (value == null) {
			return;
		}
		xml.writeStartElement(name);
		if (value instanceof List<?> list) {
			String item = ITEM_NAMES.getOrDefault(name, name.endsWith("s") ? name.substring(0, name.length() - 1) : name);
			for (Object element : list) {
				write(xml, item, element);
			}
		}
		else {
			content(xml, value);
		}
		xml.writeEndElement();
	}

	private static void content(XMLStreamWriter xml, Object value) throws XMLStreamException {
		if (value instanceof Map<?, ?> map) {
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				write(xml, entry.getKey().toString(), entry.getValue());
			}
		}
		else {
			xml.writeCharacters(value.toString());
		}
	}
}
