package org.zhizhi;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/**
 * Real JPEG photos for the tests' uploads, made in memory: a background with a darker shape in the middle, so that a
 * re-encoded copy is still a picture of something (and two colours give two different files).
 */
public final class TestPhotos {

	private TestPhotos() {
	}

	/** A small photo, as a phone camera would send it but without the megapixels. */
	public static byte[] jpeg(Color background) {
		return jpeg(background, 160, 120);
	}

	public static byte[] jpeg(Color background, int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(background);
		g.fillRect(0, 0, width, height);
		g.setColor(Color.DARK_GRAY);
		g.fillOval(width * 3 / 10, height / 4, width * 2 / 5, height / 2);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "jpg", out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}
}
