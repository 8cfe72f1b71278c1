package org.zhizhi.media.processing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Optional;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import org.zhizhi.media.PhotoLimits;
import org.zhizhi.media.PhotoPosition;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException;

/**
 * Turns an upload into what we are willing to serve. The order matters: the content decides the format, the header
 * decides whether decoding is affordable, the EXIF is read (position, orientation) while it still exists, and only
 * then is the picture decoded and written anew as a plain JPEG — which carries no EXIF, XMP, ICC comment or anything
 * else the phone put in. A HEIC goes the same way with one step more: its declared sizes are checked from the HEIF
 * header, the {@link HeifConverter} turns it into an intermediate JPEG, and that JPEG (with the HEIC's EXIF copied
 * in) goes through the ordinary JPEG path, header check included.
 */
public final class PhotoProcessor {

	private final PhotoLimits limits;

	private final HeifConverter heif;

	public PhotoProcessor(PhotoLimits limits, HeifConverter heif) {
		this.limits = limits;
		this.heif = heif;
	}

	public record ProcessedPhoto(PhotoFormat format, Optional<PhotoPosition> position, byte[] jpeg, int width, int height,
			byte[] thumbnail, int thumbnailWidth, int thumbnailHeight) {
	}

	public ProcessedPhoto process(byte[] upload) {
		if (upload == null || upload.length == 0) {
			throw new DomainException(Category.INVALID, "PHOTO_EMPTY", "photo.empty");
		}
		if (upload.length > limits.maxBytes()) {
			throw new DomainException(Category.INVALID, "PHOTO_TOO_LARGE", "photo.tooLarge",
					limits.maxBytes() / (1024 * 1024));
		}
		PhotoFormat format = PhotoFormat.detect(upload, heif.available());
		if (format == PhotoFormat.HEIC) {
			return processHeic(upload);
		}
		Exif exif = Exif.of(format, upload);
		return encode(format, exif.position(), orient(toRgb(decode(format, upload)), exif.orientation()));
	}

	private ProcessedPhoto processHeic(byte[] upload) {
		if (!heif.available()) {
			throw new DomainException(Category.INVALID, "PHOTO_HEIC_UNSUPPORTED", "photo.heicUnavailable");
		}
		HeifHeader header = HeifHeader.of(upload);
		if (!header.declaresAnyImage()) {
			throw new DomainException(Category.INVALID, "PHOTO_UNREADABLE", "photo.unreadable");
		}
		checkPixels(header.largestPixels(), 1, 1);
		byte[] intermediate = heif.toJpeg(upload);
		if (PhotoFormat.sniff(intermediate).orElse(null) != PhotoFormat.JPEG) {
			throw new DomainException(Category.INVALID, "PHOTO_UNREADABLE", "photo.unreadable");
		}
		// Only the position is taken from the EXIF: the HEIF's own irot/imir, which the converter has applied, are
		// what orient a HEIC (the EXIF tag is descriptive there, HEIF spec annex A), and iPhones write both.
		Exif exif = Exif.of(PhotoFormat.JPEG, intermediate);
		return encode(PhotoFormat.HEIC, exif.position(), toRgb(decode(PhotoFormat.JPEG, intermediate)));
	}

	private ProcessedPhoto encode(PhotoFormat format, Optional<PhotoPosition> position, BufferedImage oriented) {
		BufferedImage upright = scaleDown(oriented, limits.servedSize());
		BufferedImage thumbnail = scaleDown(upright, limits.thumbnailSize());
		return new ProcessedPhoto(format, position, jpeg(upright), upright.getWidth(), upright.getHeight(),
				jpeg(thumbnail), thumbnail.getWidth(), thumbnail.getHeight());
	}

	private BufferedImage decode(PhotoFormat format, byte[] upload) {
		Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName());
		if (!readers.hasNext()) {
			throw new IllegalStateException("No ImageIO reader for " + format);
		}
		ImageReader reader = readers.next();
		try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
			reader.setInput(input, true, true);
			// Only the header is read here; the pixels are decoded after the check.
			int width = reader.getWidth(0);
			int height = reader.getHeight(0);
			checkPixels((long) width * height, width, height);
			// Nobody is served more than servedSize pixels a side, so a 40-megapixel upload is decoded at a fraction
			// of its size (every n-th pixel) instead of filling the heap; the exact size comes from scaleDown.
			ImageReadParam param = reader.getDefaultReadParam();
			int step = Math.max(1, Math.max(width, height) / limits.servedSize());
			if (step > 1) {
				param.setSourceSubsampling(step, step, 0, 0);
			}
			return reader.read(0, param);
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof DomainException domain) {
				throw domain;
			}
			throw new DomainException(Category.INVALID, "PHOTO_UNREADABLE", "photo.unreadable");
		}
		finally {
			reader.dispose();
		}
	}

	private void checkPixels(long pixels, long width, long height) {
		if (pixels > limits.maxPixels() || width <= 0 || height <= 0) {
			throw new DomainException(Category.INVALID, "PHOTO_TOO_MANY_PIXELS", "photo.tooManyPixels",
					limits.maxPixels() / 1_000_000);
		}
	}

	/** Flattens alpha onto white and drops colour models JPEG cannot hold. */
	private static BufferedImage toRgb(BufferedImage image) {
		if (image.getType() == BufferedImage.TYPE_INT_RGB) {
			return image;
		}
		BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
		Graphics2D g = rgb.createGraphics();
		try {
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, image.getWidth(), image.getHeight());
			g.drawImage(image, 0, 0, null);
		}
		finally {
			g.dispose();
		}
		return rgb;
	}

	/** Applies the EXIF orientation (1–8) to the pixels, since the tag itself is about to be dropped. */
	public static BufferedImage orient(BufferedImage rgb, int orientation) {
		if (orientation <= 1 || orientation > 8) {
			return rgb;
		}
		int w = rgb.getWidth();
		int h = rgb.getHeight();
		boolean swap = orientation >= 5;
		BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
		int[] src = ((DataBufferInt) rgb.getRaster().getDataBuffer()).getData();
		int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
		int outWidth = out.getWidth();
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				int dx;
				int dy;
				switch (orientation) {
					case 2 -> { dx = w - 1 - x; dy = y; }
					case 3 -> { dx = w - 1 - x; dy = h - 1 - y; }
					case 4 -> { dx = x; dy = h - 1 - y; }
					case 5 -> { dx = y; dy = x; }
					case 6 -> { dx = h - 1 - y; dy = x; }
					case 7 -> { dx = h - 1 - y; dy = w - 1 - x; }
					default -> { dx = y; dy = w - 1 - x; }
				}
				dst[dy * outWidth + dx] = src[y * w + x];
			}
		}
		return out;
	}

	/** Shrinks so the long side is at most {@code size}, halving first so the bilinear step stays sharp. */
	static BufferedImage scaleDown(BufferedImage image, int size) {
		int longSide = Math.max(image.getWidth(), image.getHeight());
		if (longSide <= size) {
			return image;
		}
		double ratio = (double) size / longSide;
		int targetWidth = Math.max(1, (int) Math.round(image.getWidth() * ratio));
		int targetHeight = Math.max(1, (int) Math.round(image.getHeight() * ratio));
		BufferedImage current = image;
		while (current.getWidth() / 2 >= targetWidth && current.getHeight() / 2 >= targetHeight) {
			current = resize(current, current.getWidth() / 2, current.getHeight() / 2);
		}
		return resize(current, targetWidth, targetHeight);
	}

	private static BufferedImage resize(BufferedImage image, int width, int height) {
		BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = out.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			g.drawImage(image, 0, 0, width, height, null);
		}
		finally {
			g.dispose();
		}
		return out;
	}

	/** Written with no metadata object at all, so the JDK encoder emits only its bare JFIF header. */
	private byte[] jpeg(BufferedImage rgb) {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ImageOutputStream output = ImageIO.createImageOutputStream(bytes)) {
			writer.setOutput(output);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(limits.jpegQuality());
			writer.write(null, new IIOImage(rgb, null, null), param);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			writer.dispose();
		}
		return bytes.toByteArray();
	}
}
