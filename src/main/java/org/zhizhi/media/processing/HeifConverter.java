package org.zhizhi.media.processing;

/**
 * Turns a HEIC file into a JPEG we can read with the JDK. No HEVC decoder exists in pure Java on Maven Central, so
 * the real one ({@link HeifConvertTool}) runs libheif's {@code heif-convert}; where that tool is not installed the
 * converter is {@link #ABSENT} and HEIC uploads are refused with a message telling how to send a JPEG instead.
 */
public interface HeifConverter {

	/** Whether HEIC can be read here at all. */
	boolean available();

	/**
	 * The primary image as a JPEG with the HEIC's own rotation and mirroring applied to the pixels and its EXIF block
	 * (where the GPS position is) copied along. The caller has checked the size and the declared pixels already.
	 *
	 * @throws org.zhizhi.shared.DomainException INVALID when the file cannot be converted (damaged, too slow)
	 */
	byte[] toJpeg(byte[] heic);

	/** Where HEIC cannot be read: nothing is converted and uploads are refused before this is ever called. */
	HeifConverter ABSENT = new HeifConverter() {

		@Override
		public boolean available() {
			return false;
		}

		@Override
		public byte[] toJpeg(byte[] heic) {
			throw new IllegalStateException("No HEIC converter here");
		}

		@Override
		public String toString() {
			return "no HEIC converter";
		}
	};
}
