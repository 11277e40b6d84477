package org.reeltrace.watermark;

import javax.imageio.metadata.IIOMetadata;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * PNG and JPEG stills through javax.imageio. The mark changes luma only: the same delta is added
 * to R, G and B, which moves JFIF luma by exactly that delta and leaves Cb and Cr alone; a grey
 * picture's samples are its luma. A picture whose samples are plain components (grey or RGB, 8 or
 * 16 bits, with or without alpha: most PNGs and JPEGs) keeps its layout and its metadata; others
 * (palette PNGs) come out as 8-bit RGB.
 */
final class StillImages {
    private static final float JPEG_QUALITY = 0.95f;

    private StillImages() {
    }

    /** The picture as a viewer shows it (EXIF orientation applied). */
    static BufferedImage read(Path in) throws WatermarkException {
        return StillImageFile.read(in).shown();
    }

    /** JFIF luma, full range; a grey picture's own samples (Java would take them for linear grey and brighten them). */
    static byte[] luma(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        if (isGrey(img)) {
            return greySamples(img);
        }
        int[] rgb = img.getRGB(0, 0, w, h, null, 0, w);
        byte[] y = new byte[w * h];
        for (int i = 0; i < rgb.length; i++) {
            int p = rgb[i];
            double v = 0.299 * ((p >> 16) & 0xff) + 0.587 * ((p >> 8) & 0xff) + 0.114 * (p & 0xff);
            y[i] = (byte) Math.min(255, (int) Math.round(v));
        }
        return y;
    }

    static float[] lumaFloat(BufferedImage img) {
        return WorkingFrame.toFloat(luma(img));
    }

    static EmbedResult embed(Path in, Path out, WatermarkKey key, long payload) throws WatermarkException {
        StillImageFile source = StillImageFile.read(in);
        BufferedImage img = source.image();
        // marked as shown: a copy saved upright by an editor carries the same mark
        ExifOrientation orientation = source.orientation();
        byte[] stored = luma(img);
        int w = orientation.shownWidth(img.getWidth(), img.getHeight());
        int h = orientation.shownHeight(img.getWidth(), img.getHeight());
        byte[] y = orientation.toShown(stored, img.getWidth(), img.getHeight());
        byte[] marked = y.clone();
        float[] strength = new PerceptualMask(w, h).update(y);
        TilePattern tile = new TilePattern(key);
        LumaMarker marker = new LumaMarker(tile, payload, w, h, LumaMarker.Strength.STILL);
        InterferenceCanceller canceller = new InterferenceCanceller(tile, w, h, new int[][] {PayloadCodec.encode(payload)});
        if (canceller.measure(y, strength, marker.effectiveAmplitude())) {
            marker.setGains(canceller.gains(0));
        }
        marker.mark(marked, strength);
        // a weaker block lets the RMS budget raise the rest: judge again until nothing exceeds
        for (int round = 0; round < 4 && StructuralBudget.limit(y, marked, strength, w, h); round++) {
            marked = y.clone();
            marker.mark(marked, strength);
        }
        String format = formatOf(out);
        byte[] markedStored = orientation.toStored(marked, img.getWidth(), img.getHeight());
        BufferedImage result;
        Optional<IIOMetadata> metadata = Optional.empty();
        if (keepsLayout(img, format)) {
            result = withDelta(img, stored, markedStored);
            if (source.format().filter(format::equals).isPresent()) {
                metadata = source.metadata();
            }
        } else {
            result = rgbWithDelta(img, stored, markedStored, format);
        }
        if (metadata.isEmpty()) {
            // without the source's EXIF the picture itself must stand upright
            result = orientation.toShown(result);
        }
        Path tmp = OutputFiles.temporaryFor(out);
        try {
            StillImageFile.write(result, format, tmp, metadata, JPEG_QUALITY);
        } catch (IOException e) {
            OutputFiles.deleteQuietly(tmp);
            throw new WatermarkException(WatermarkException.Kind.ENVIRONMENT, "cannot write \"" + out + "\": " + e.getMessage(), e);
        }
        OutputFiles.moveIntoPlace(tmp, out);
        return new EmbedResult(out, payload, 1, w, h, format, List.of());
    }

    static void write(BufferedImage img, String format, Path to) throws IOException {
        StillImageFile.write(img, format, to, Optional.empty(), JPEG_QUALITY);
    }

    /** JPEG at a quality in [0, 1] (javax.imageio's scale; 0.5 = the usual "q=50"). */
    static void writeJpeg(BufferedImage img, Path to, float quality) throws IOException {
        StillImageFile.write(img, "jpeg", to, Optional.empty(), quality);
    }

    /** Whether {@code img} is plain grey or RGB components that {@code format} can store as they are. */
    private static boolean keepsLayout(BufferedImage img, String format) {
        if (!(img.getColorModel() instanceof ComponentColorModel cm) || img.isAlphaPremultiplied()) {
            return false;
        }
        int type = cm.getColorSpace().getType();
        if (type != ColorSpace.TYPE_GRAY && type != ColorSpace.TYPE_RGB) {
            return false;
        }
        for (int b = 0; b < cm.getNumComponents(); b++) {
            if (cm.getComponentSize(b) != 8 && cm.getComponentSize(b) != 16) {
                return false;
            }
        }
        // JPEG: 8-bit grey or RGB without alpha only
        return format.equals("png") || (!cm.hasAlpha() && cm.getComponentSize(0) == 8);
    }

    /** A copy of {@code img} in its own layout with the luma delta added to every colour component (alpha untouched). */
    private static BufferedImage withDelta(BufferedImage img, byte[] y, byte[] marked) {
        ComponentColorModel cm = (ComponentColorModel) img.getColorModel();
        WritableRaster raster = img.copyData(null);
        int w = img.getWidth();
        int colours = cm.getNumColorComponents();
        for (int b = 0; b < colours; b++) {
            int max = (1 << cm.getComponentSize(b)) - 1;
            double scale = max / 255.0;
            for (int i = 0; i < y.length; i++) {
                int d = (marked[i] & 0xff) - (y[i] & 0xff);
                if (d != 0) {
                    int x = i % w;
                    int row = i / w;
                    int v = raster.getSample(x, row, b) + (int) Math.round(d * scale);
                    raster.setSample(x, row, b, Math.max(0, Math.min(max, v)));
                }
            }
        }
        return new BufferedImage(cm, raster, false, null);
    }

    /** 8-bit RGB (ARGB for a PNG with alpha) with the luma delta added to R, G and B. */
    private static BufferedImage rgbWithDelta(BufferedImage img, byte[] y, byte[] marked, String format) {
        int w = img.getWidth();
        int h = img.getHeight();
        boolean alpha = img.getColorModel().hasAlpha() && format.equals("png");
        BufferedImage result = new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        int[] rgb = img.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < rgb.length; i++) {
            int d = (marked[i] & 0xff) - (y[i] & 0xff);
            int p = rgb[i];
            int r = clamp(((p >> 16) & 0xff) + d);
            int g = clamp(((p >> 8) & 0xff) + d);
            int b = clamp((p & 0xff) + d);
            rgb[i] = (alpha ? p & 0xff000000 : 0xff000000) | (r << 16) | (g << 8) | b;
        }
        result.setRGB(0, 0, w, h, rgb, 0, w);
        return result;
    }

    /** {@code img} as a viewer shows it, for drawing: a grey picture's samples as grey levels, not as linear light. */
    static BufferedImage asShown(BufferedImage img) {
        if (!isGrey(img)) {
            return img;
        }
        byte[] y = greySamples(img);
        int[] rgb = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            int v = y[i] & 0xff;
            rgb[i] = 0xff000000 | (v << 16) | (v << 8) | v;
        }
        BufferedImage shown = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        shown.setRGB(0, 0, img.getWidth(), img.getHeight(), rgb, 0, img.getWidth());
        return shown;
    }

    private static boolean isGrey(BufferedImage img) {
        return img.getColorModel() instanceof ComponentColorModel cm && cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY;
    }

    /** A grey picture's first component, scaled to 8 bits. */
    private static byte[] greySamples(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        int bits = img.getColorModel().getComponentSize(0);
        int max = (1 << bits) - 1;
        int[] samples = img.getRaster().getSamples(0, 0, w, h, 0, (int[]) null);
        byte[] y = new byte[w * h];
        for (int i = 0; i < y.length; i++) {
            y[i] = (byte) (bits == 8 ? samples[i] : Math.round(samples[i] * 255.0 / max));
        }
        return y;
    }

    static String formatOf(Path p) throws WatermarkException {
        String e = OutputFiles.extension(p);
        return switch (e) {
            case "png" -> "png";
            case "jpg", "jpeg" -> "jpeg";
            default -> throw new WatermarkException(WatermarkException.Kind.USAGE,
                    "a still image's output must end in .png, .jpg or .jpeg, not \"" + p.getFileName() + "\"");
        };
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : Math.min(255, v);
    }
}
