package org.zhizhi.shared.documents;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.openpdf.text.pdf.BaseFont;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The font the platform's PDF documents (a volunteer's certificate, the command centre's monthly report) are set in. A
 * Chinese font of the machine — the one configured ({@code zhizhi.documents.chinese-font}, or the older
 * {@code zhizhi.volunteer.certificate-font} it replaces, which still works; a .ttf/.otf/.ttc path), else the first of the usual places (Noto CJK as
 * Debian's fonts-noto-cjk installs it, WenQuanYi, AR PL, Windows' SimSun, macOS' Songti) — embedded as a subset of the
 * characters used, so that every reader shows the document the same (pdf.js in a phone's browser shows nothing of
 * a font that is not embedded). With none of them, Adobe's STSong-Light by name: Acrobat and most desktop readers
 * supply it, some phone readers do not — the log says so once at start-up, and docs/operations.md how to install one.
 */
@Component
public class ChineseFont {

	private static final Logger log = LoggerFactory.getLogger(ChineseFont.class);

	private static final List<String> USUAL_PLACES = List.of(
			"/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
			"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
			"/usr/share/fonts/noto-cjk/NotoSerifCJK-Regular.ttc", "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
			"/usr/share/fonts/google-noto-cjk/NotoSerifCJK-Regular.ttc",
			"/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
			"/usr/share/fonts/truetype/arphic/uming.ttc", "C:/Windows/Fonts/simsun.ttc", "C:/Windows/Fonts/msyh.ttc",
			"/System/Library/Fonts/Supplemental/Songti.ttc", "/Library/Fonts/Songti.ttc");

	private final String source;

	private final boolean embedded;

	public ChineseFont(
			@Value("${zhizhi.documents.chinese-font:${zhizhi.volunteer.certificate-font:}}") String configured) {
		List<String> candidates = new ArrayList<>();
		if (!configured.isBlank()) {
			candidates.add(configured.strip());
		}
		candidates.addAll(USUAL_PLACES);
		String found = null;
		for (String candidate : candidates) {
			String spec = usable(candidate);
			if (spec != null) {
				found = spec;
				break;
			}
		}
		if (found == null) {
			log.warn("No Chinese font found for PDF documents (tried {}); they name STSong-Light without"
					+ " embedding it, which some phone readers cannot show: install fonts-noto-cjk or set"
					+ " zhizhi.documents.chinese-font", candidates);
		}
		this.source = found;
		this.embedded = found != null;
	}

	/** A fresh font for one document (a BaseFont collects the characters its document uses, for the subset). */
	public BaseFont create() {
		try {
			return embedded ? BaseFont.createFont(source, BaseFont.IDENTITY_H, BaseFont.EMBEDDED)
					: BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	public boolean embedded() {
		return embedded;
	}

	/** The path as OpenPDF takes it (a collection with the index of its Simplified Chinese face), or null. */
	private static String usable(String path) {
		if (!Files.isReadable(Path.of(path))) {
			return null;
		}
		try {
			String spec = path;
			if (path.toLowerCase(Locale.ROOT).endsWith(".ttc")) {
				String[] faces = BaseFont.enumerateTTCNames(path);
				int chosen = 0;
				for (int i = 0; i < faces.length; i++) {
					String face = faces[i].toLowerCase(Locale.ROOT);
					if (face.contains("sc") || face.contains("gb") || face.contains("simsun")) {
						chosen = i;
						break;
					}
				}
				spec = path + "," + chosen;
			}
			BaseFont.createFont(spec, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
			return spec;
		}
		catch (IOException | RuntimeException e) {
			log.debug("Font {} not usable for PDF documents: {}", path, e.toString());
			return null;
		}
	}
}
