package org.reeltrace.watermark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A marked still keeps the source's pixel layout (grey, 16 bits, alpha) and its metadata (PNG text,
 * JPEG EXIF), changes only the samples the mark moves, and still carries the mark.
 */
class StillImageLayoutTest {
    private static final int SIZE = 256;
    private static final long PAYLOAD = 0x00c0ffee12345678L;

    @TempDir
    Path dir;

    @Test
    void greyPngStaysGreyAndItsSamplesAreItsLuma() throws Exception {
        BufferedImage grey = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSamples(0, 0, SIZE, SIZE, 0, texture(1));
        Path in = write(grey, "png", "grey.png");
        Path out = dir.resolve("grey-marked.png");
        WatermarkEmbedder.embed(in, out, TestMedia.key(3), PAYLOAD, null);
        BufferedImage marked = ImageIO.read(out.toFile());
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, marked.getType(), "still grey");
        // Java takes grey samples for linear light; reading them through RGB brightened the picture to ~13 dB before
        double psnr = psnr(grey.getRaster().getSamples(0, 0, SIZE, SIZE, 0, (int[]) null),
                marked.getRaster().getSamples(0, 0, SIZE, SIZE, 0, (int[]) null), 255);
        assertTrue(psnr > 40 && psnr < 60, "grey PSNR " + psnr);
        assertFound(out, in, TestMedia.key(3));
    }

    @Test
    void sixteenBitRgbKeepsItsDepth() throws Exception {
        BufferedImage deep = new BufferedImage(
                new java.awt.image.ComponentColorModel(java.awt.color.ColorSpace.getInstance(java.awt.color.ColorSpace.CS_sRGB),
                        false, false, java.awt.Transparency.OPAQUE, java.awt.image.DataBuffer.TYPE_USHORT),
                java.awt.image.Raster.createInterleavedRaster(java.awt.image.DataBuffer.TYPE_USHORT, SIZE, SIZE, 3, null), false, null);
        int[] t = texture(2);
        WritableRaster r = deep.getRaster();
        for (int b = 0; b < 3; b++) {
            int[] band = new int[t.length];
            for (int i = 0; i < t.length; i++) {
                band[i] = t[i] * 257 + 40 * b + (i % 7); // low bits a 8-bit copy would lose
            }
            r.setSamples(0, 0, SIZE, SIZE, b, band);
        }
        Path in = write(deep, "png", "deep.png");
        Path out = dir.resolve("deep-marked.png");
        WatermarkEmbedder.embed(in, out, TestMedia.key(4), PAYLOAD, null);
        BufferedImage marked = ImageIO.read(out.toFile());
        assertEquals(16, marked.getColorModel().getComponentSize(0), "still 16 bits per component");
        int[] before = deep.getRaster().getSamples(0, 0, SIZE, SIZE, 0, (int[]) null);
        int[] after = marked.getRaster().getSamples(0, 0, SIZE, SIZE, 0, (int[]) null);
        int changed = 0;
        for (int i = 0; i < before.length; i++) {
            int d = after[i] - before[i];
            assertEquals(0, d % 257, "a luma step of one 8-bit level is 257 16-bit levels");
            changed += d != 0 ? 1 : 0;
        }
        assertTrue(changed > before.length / 20, "marked: " + changed);
        assertFound(out, in, TestMedia.key(4));
    }

    @Test
    void alphaIsKept() throws Exception {
        BufferedImage rgba = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_4BYTE_ABGR);
        int[] t = texture(3);
        for (int i = 0; i < t.length; i++) {
            int alpha = (i / SIZE) < 32 ? 0 : 255; // a transparent strip at the top
            rgba.setRGB(i % SIZE, i / SIZE, (alpha << 24) | (t[i] << 16) | (t[i] << 8) | t[i]);
        }
        Path in = write(rgba, "png", "rgba.png");
        Path out = dir.resolve("rgba-marked.png");
        WatermarkEmbedder.embed(in, out, TestMedia.key(5), PAYLOAD, null);
        BufferedImage marked = ImageIO.read(out.toFile());
        assertTrue(marked.getColorModel().hasAlpha());
        int[] a0 = rgba.getAlphaRaster().getSamples(0, 0, SIZE, SIZE, 0, (int[]) null);
        int[] a1 = marked.getAlphaRaster().getSamples(0, 0, SIZE, SIZE, 0, (int[]) null);
        assertArrayEquals(a0, a1, "alpha untouched");
    }

    @Test
    void paletteImagesComeOutAsRgbAndMarked() throws Exception {
        // a sepia palette (a grey one would be written as a grey PNG)
        byte[] red = new byte[256];
        byte[] green = new byte[256];
        byte[] blue = new byte[256];
        for (int i = 0; i < 256; i++) {
            red[i] = (byte) i;
            green[i] = (byte) (i * 4 / 5);
            blue[i] = (byte) (i * 3 / 5);
        }
        BufferedImage indexed = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(8, 256, red, green, blue));
        indexed.getRaster().setSamples(0, 0, SIZE, SIZE, 0, texture(6));
        Path in = write(indexed, "png", "palette.png");
        Path out = dir.resolve("palette-marked.png");
        WatermarkEmbedder.embed(in, out, TestMedia.key(6), PAYLOAD, null);
        assertTrue(ImageIO.read(out.toFile()).getColorModel().getNumColorComponents() == 3, "RGB");
        assertFound(out, in, TestMedia.key(6));
    }

    @Test
    void pngTextChunksAreCarriedOn() throws Exception {
        BufferedImage rgb = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_3BYTE_BGR);
        int[] t = texture(7);
        for (int i = 0; i < t.length; i++) {
            rgb.setRGB(i % SIZE, i / SIZE, (t[i] << 16) | (255 - t[i]) << 8 | t[i] / 2);
        }
        Path in = dir.resolve("titled.png");
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(rgb), null);
        IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
        IIOMetadataNode text = new IIOMetadataNode("tEXt");
        IIOMetadataNode entry = new IIOMetadataNode("tEXtEntry");
        entry.setAttribute("keyword", "Title");
        entry.setAttribute("value", "screener poster 42");
        text.appendChild(entry);
        root.appendChild(text);
        metadata.mergeTree("javax_imageio_png_1.0", root);
        try (ImageOutputStream s = ImageIO.createImageOutputStream(in.toFile())) {
            writer.setOutput(s);
            writer.write(new IIOImage(rgb, null, metadata));
        }
        writer.dispose();
        Path out = dir.resolve("titled-marked.png");
        WatermarkEmbedder.embed(in, out, TestMedia.key(8), PAYLOAD, null);
        assertTrue(new String(Files.readAllBytes(out), StandardCharsets.ISO_8859_1).contains("screener poster 42"), "tEXt kept");
        assertFound(out, in, TestMedia.key(8));
    }

    @Test
    void jpegExifIsCarriedOn() throws Exception {
        BufferedImage rgb = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_3BYTE_BGR);
        int[] t = texture(9);
        for (int i = 0; i < t.length; i++) {
            rgb.setRGB(i % SIZE, i / SIZE, (t[i] << 16) | (t[i] << 8) | (255 - t[i]));
        }
        byte[] jpeg = Files.readAllBytes(write(rgb, "jpeg", "plain.jpg"));
        // JFIF's APP0 (SOI, then a segment of 16 bytes), then an EXIF APP1 (little-endian TIFF, one IFD entry:
        // Artist = "studio"), as cameras and editors write them
        assertEquals(0xe0, jpeg[3] & 0xff, "APP0 after SOI");
        int app0End = 4 + ((jpeg[4] & 0xff) << 8 | (jpeg[5] & 0xff));
        Path in = dir.resolve("exif.jpg");
        Files.write(in, withExif(jpeg, app0End));
        Path out = dir.resolve("exif-marked.jpg");
        WatermarkEmbedder.embed(in, out, TestMedia.key(10), PAYLOAD, null);
        String bytes = new String(Files.readAllBytes(out), StandardCharsets.ISO_8859_1);
        assertTrue(bytes.contains("Exif\0\0") && bytes.contains("studio\0"), "EXIF kept");
        assertFound(out, in, TestMedia.key(10));

        // EXIF before JFIF: javax.imageio refuses the metadata, the picture is still marked (without it)
        Path odd = dir.resolve("exif-first.jpg");
        Files.write(odd, withExif(jpeg, 2));
        Path oddOut = dir.resolve("exif-first-marked.jpg");
        WatermarkEmbedder.embed(odd, oddOut, TestMedia.key(10), PAYLOAD, null);
        assertFound(oddOut, odd, TestMedia.key(10));
    }

    @Test
    void exifOrientationIsHonoured() throws Exception {
        // a camera's picture: stored turned a quarter counter-clockwise, EXIF orientation 6 turns it back
        int[] t = texture(11);
        BufferedImage upright = new BufferedImage(SIZE, SIZE / 2, BufferedImage.TYPE_3BYTE_BGR);
        BufferedImage stored = new BufferedImage(SIZE / 2, SIZE, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < SIZE / 2; y++) {
            for (int x = 0; x < SIZE; x++) {
                int v = t[y * SIZE + x];
                int rgb = (v << 16) | (v << 8) | (255 - v) / 2;
                upright.setRGB(x, y, rgb);
                stored.setRGB(y, SIZE - 1 - x, rgb); // turned counter-clockwise
            }
        }
        byte[] jpeg = Files.readAllBytes(write(stored, "jpeg", "stored.jpg"));
        int app0End = 4 + ((jpeg[4] & 0xff) << 8 | (jpeg[5] & 0xff));
        byte[] orientation6 = HexFormat.of().parseHex("ffe10022" + "457869660000" + "49492a0008000000" + "0100" + "12010300"
                + "01000000" + "06000000" + "00000000");
        ByteArrayOutputStream camera = new ByteArrayOutputStream();
        camera.write(jpeg, 0, app0End);
        camera.write(orientation6, 0, orientation6.length);
        camera.write(jpeg, app0End, jpeg.length - app0End);
        Path in = dir.resolve("camera.jpg");
        Files.write(in, camera.toByteArray());
        WatermarkKey key = TestMedia.key(12);

        Path out = dir.resolve("camera-marked.jpg");
        EmbedResult r = WatermarkEmbedder.embed(in, out, key, PAYLOAD, null);
        assertEquals(SIZE, r.width(), "the size as shown");
        BufferedImage marked = ImageIO.read(out.toFile());
        assertEquals(SIZE / 2, marked.getWidth(), "stored as the camera stored it");
        assertTrue(new String(Files.readAllBytes(out), StandardCharsets.ISO_8859_1).contains("Exif\0\0"), "orientation kept");
        assertFound(out, in, key);

        // an editor that saves the picture upright and drops the tag: the mark was put on the picture as shown
        BufferedImage turnedUp = new BufferedImage(SIZE, SIZE / 2, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE / 2; x++) {
                turnedUp.setRGB(SIZE - 1 - y, x, marked.getRGB(x, y));
            }
        }
        Path saved = write(turnedUp, "png", "saved-upright.png");
        assertFound(saved, in, key);

        // another format cannot carry the tag: the picture itself is written upright
        Path png = dir.resolve("camera-marked.png");
        WatermarkEmbedder.embed(in, png, key, PAYLOAD, null);
        assertEquals(SIZE, ImageIO.read(png.toFile()).getWidth(), "upright PNG");
        assertFound(png, in, key);
    }

    /** Informed detection: these small synthetic pictures are not what blind reading is measured on (StillImageIT). */
    private static void assertFound(Path marked, Path original, WatermarkKey key) throws Exception {
        Detection d = WatermarkDetector.detect(marked, key, original);
        assertTrue(d.found(), marked.getFileName() + ": " + d);
        assertEquals(PAYLOAD, d.payload());
    }

    private static byte[] withExif(byte[] jpeg, int at) {
        byte[] exif = HexFormat.of().parseHex("ffe1002a" + "457869660000" + "49492a0008000000" + "0100" + "3b010200"
                + "07000000" + "1a000000" + "00000000" + "73747564696f00" + "00");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, at);
        out.write(exif, 0, exif.length);
        out.write(jpeg, at, jpeg.length - at);
        return out.toByteArray();
    }

    /** Seeded texture: smooth gradients plus grain, so the perceptual mask lets the mark in. */
    private static int[] texture(long seed) {
        Random random = new Random(seed);
        int[] t = new int[SIZE * SIZE];
        for (int i = 0; i < t.length; i++) {
            int x = i % SIZE;
            int y = i / SIZE;
            double v = 128 + 60 * Math.sin(x / 17.0) * Math.cos(y / 23.0) + random.nextGaussian() * 14;
            t[i] = (int) Math.max(0, Math.min(255, Math.round(v)));
        }
        return t;
    }

    private Path write(BufferedImage img, String format, String name) throws Exception {
        Path p = dir.resolve(name);
        assertTrue(ImageIO.write(img, format, p.toFile()), "a " + format + " writer for " + name);
        return p;
    }

    private static double psnr(int[] a, int[] b, int max) {
        double se = 0;
        for (int i = 0; i < a.length; i++) {
            se += (a[i] - b[i]) * (double) (a[i] - b[i]);
        }
        return 10 * Math.log10(max * (double) max / (se / a.length));
    }
}
