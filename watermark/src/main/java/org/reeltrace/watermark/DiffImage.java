package org.reeltrace.watermark;

import org.reeltrace.media.MediaException;
import org.reeltrace.media.MediaProbe;
import org.reeltrace.media.StillFrames;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/** A side-by-side still (original | marked | amplified luma difference) for a person to look at. */
public final class DiffImage {
    private DiffImage() {
    }

    /** PSNR of the two luma planes, their largest absolute difference, and the time compared (0 for stills). */
    public record Result(double psnr, int maxDifference, double seconds) {
    }

    public static Result write(Path original, Path marked, Path out, Double at, double gain) throws WatermarkException {
        if (!OutputFiles.extension(out).equals("png")) {
            throw new WatermarkException(WatermarkException.Kind.USAGE, "the diff image is a PNG: name it *.png, not \"" + out.getFileName() + "\"");
        }
        OutputFiles.requireParentExists(out);
        double t = 0;
        BufferedImage a;
        BufferedImage b;
        if (OutputFiles.isStill(original)) {
            a = StillImages.read(original);
            b = StillImages.read(marked);
        } else {
            try {
                WatermarkEmbedder.requireInput(original);
                WatermarkEmbedder.requireInput(marked);
                t = at != null ? at : MediaProbe.probe(original).durationSeconds() / 2;
                a = StillFrames.at(original, t, Integer.MAX_VALUE);
                b = StillFrames.at(marked, t, Integer.MAX_VALUE);
            } catch (MediaException e) {
                throw Errors.from(e);
            }
        }
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            throw new WatermarkException(WatermarkException.Kind.INVALID_INPUT, "\"" + original + "\" is " + a.getWidth() + "x" + a.getHeight()
                    + " but \"" + marked + "\" is " + b.getWidth() + "x" + b.getHeight() + "; diff compares pictures of one size");
        }
        int w = a.getWidth();
        int h = a.getHeight();
        byte[] ya = StillImages.luma(a);
        byte[] yb = StillImages.luma(b);
        BufferedImage sheet = new BufferedImage(3 * w, h, BufferedImage.TYPE_INT_RGB);
        sheet.getGraphics().drawImage(StillImages.asShown(a), 0, 0, null);
        sheet.getGraphics().drawImage(StillImages.asShown(b), w, 0, null);
        double se = 0;
        int max = 0;
        for (int i = 0; i < ya.length; i++) {
            int d = (yb[i] & 0xff) - (ya[i] & 0xff);
            se += d * (double) d;
            max = Math.max(max, Math.abs(d));
            int v = (int) Math.max(0, Math.min(255, Math.round(128 + gain * d)));
            sheet.setRGB(2 * w + i % w, i / w, (v << 16) | (v << 8) | v);
        }
        double mse = se / ya.length;
        double psnr = mse == 0 ? 99 : 10 * Math.log10(255 * 255 / mse);
        Path tmp = OutputFiles.temporaryFor(out);
        try {
            StillImages.write(sheet, "png", tmp);
        } catch (IOException e) {
            OutputFiles.deleteQuietly(tmp);
            throw new WatermarkException(WatermarkException.Kind.ENVIRONMENT, "cannot write \"" + out + "\": " + e.getMessage(), e);
        }
        OutputFiles.moveIntoPlace(tmp, out);
        return new Result(psnr, max, t);
    }
}
