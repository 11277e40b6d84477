package org.reeltrace.watermark;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * PNG and JPEG stills through javax.imageio. The mark changes luma only: the same delta is added
 * to R, G and B, which moves JFIF luma by exactly that delta and leaves Cb and Cr alone.
 */
final class StillImages {
    private static final float JPEG_QUALITY = 0.95f;

    private StillImages() {
    }

    static BufferedImage read(Path in) throws WatermarkException {
        WatermarkEmbedder.requireInput(in);
        try {
            BufferedImage img = ImageIO.read(in.toFile());
            if (img == null) {
                throw new WatermarkException(WatermarkException.Kind.INVALID_INPUT, "cannot read \"" + in + "\" as an image");
            }
            return img;
        } catch (IOException e) {
            throw new WatermarkException(WatermarkException.Kind.INVALID_INPUT, "cannot read \"" + in + "\": " + e.getMessage(), e);
        }
    }

    /** JFIF luma, full range. */
    static byte[] luma(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
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
        BufferedImage img = read(in);
        int w = img.getWidth();
        int h = img.getHeight();
        byte[] y = luma(img);
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
        Path tmp = OutputFiles.temporaryFor(out);
        try {
            write(result, format, tmp);
        } catch (IOException e) {
            OutputFiles.deleteQuietly(tmp);
            throw new WatermarkException(WatermarkException.Kind.ENVIRONMENT, "cannot write \"" + out + "\": " + e.getMessage(), e);
        }
        OutputFiles.moveIntoPlace(tmp, out);
        return new EmbedResult(out, payload, 1, w, h, format, java.util.List.of());
    }

    static void write(BufferedImage img, String format, Path to) throws IOException {
        if (format.equals("png")) {
            if (!ImageIO.write(img, "png", to.toFile())) {
                throw new IOException("no PNG writer");
            }
            return;
        }
        writeJpeg(img, to, JPEG_QUALITY);
    }

    /** JPEG at a quality in [0, 1] (javax.imageio's scale; 0.5 = the usual "q=50"). */
    static void writeJpeg(BufferedImage img, Path to, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(to.toFile())) {
            writer.setOutput(ios);
            writer.write(null, new IIOImage(img, null, null), param);
        } finally {
            writer.dispose();
        }
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
