package org.reeltrace.watermark;

import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import javax.imageio.IIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;

/**
 * A PNG or JPEG still with the metadata its reader found (PNG text, pHYs, gAMA and iCCP chunks; JPEG
 * JFIF, EXIF and ICC markers), so a marked copy in the same format and pixel layout carries them on.
 *
 * @param format "png" or "jpeg" (javax.imageio's names), empty for other formats ImageIO reads
 */
record StillImageFile(BufferedImage image, Optional<IIOMetadata> metadata, Optional<String> format) {
    private static final String JPEG_METADATA = "javax_imageio_jpeg_image_1.0";

    /** What the picture's EXIF says about showing it ({@link ExifOrientation#NORMAL} for PNG or without EXIF). */
    ExifOrientation orientation() {
        return format.filter("jpeg"::equals).isPresent() ? ExifOrientation.of(metadata) : ExifOrientation.NORMAL;
    }

    /** The picture as a viewer shows it. */
    BufferedImage shown() {
        return orientation().toShown(image);
    }

    static StillImageFile read(Path in) throws WatermarkException {
        WatermarkEmbedder.requireInput(in);
        try (ImageInputStream stream = ImageIO.createImageInputStream(in.toFile())) {
            Iterator<ImageReader> readers = stream == null ? Collections.emptyIterator() : ImageIO.getImageReaders(stream);
            if (!readers.hasNext()) {
                throw new WatermarkException(WatermarkException.Kind.INVALID_INPUT, "cannot read \"" + in + "\" as an image");
            }
            ImageReader reader = readers.next();
            String name = reader.getFormatName().toLowerCase(Locale.ROOT);
            Optional<String> format = name.equals("png") ? Optional.of("png")
                    : name.equals("jpeg") || name.equals("jpg") ? Optional.of("jpeg") : Optional.empty();
            try {
                reader.setInput(stream, true, false);
                BufferedImage image = reader.read(0);
                return new StillImageFile(image, Optional.ofNullable(reader.getImageMetadata(0)), format);
            } catch (IIOException e) {
                // metadata javax.imageio will not parse (EXIF before JFIF, for one): the picture without it
                return new StillImageFile(pictureOnly(in), Optional.empty(), format);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // ImageIO's decoders throw unchecked exceptions on some damaged files
            throw new WatermarkException(WatermarkException.Kind.INVALID_INPUT, "cannot read \"" + in + "\": " + e.getMessage(), e);
        }
    }

    private static BufferedImage pictureOnly(Path in) throws IOException, WatermarkException {
        BufferedImage image = ImageIO.read(in.toFile());
        if (image == null) {
            throw new WatermarkException(WatermarkException.Kind.INVALID_INPUT, "cannot read \"" + in + "\" as an image");
        }
        return image;
    }

    /** Writes {@code image} as {@code format} ("png" or "jpeg", at {@code jpegQuality}), with {@code metadata} if given. */
    static void write(BufferedImage image, String format, Path to, Optional<IIOMetadata> metadata, float jpegQuality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(to.toFile())) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format.equals("jpeg")) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(jpegQuality);
            }
            writer.setOutput(out);
            IIOMetadata kept = metadata.orElse(null);
            if (kept != null && format.equals("jpeg")) {
                kept = jpegMarkersOf(kept, writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param));
            }
            writer.write(null, new IIOImage(image, null, kept), param);
        } finally {
            writer.dispose();
        }
    }

    /**
     * {@code target} (the writer's own metadata for the picture at the quality asked for) with the
     * source's application and comment markers (EXIF, XMP, ...) and its ICC profile. The source's
     * coding tables stay behind: an encoder's optimised Huffman tables do not cover a new picture.
     */
    private static IIOMetadata jpegMarkersOf(IIOMetadata source, IIOMetadata target) throws IOException {
        Node from = source.getAsTree(JPEG_METADATA);
        Node to = target.getAsTree(JPEG_METADATA);
        Node toSequence = find(to, "markerSequence");
        Node fromSequence = find(from, "markerSequence");
        if (toSequence == null || fromSequence == null) {
            return target;
        }
        Node first = toSequence.getFirstChild();
        for (Node n = fromSequence.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeName().equals("unknown") || n.getNodeName().equals("com")) {
                toSequence.insertBefore(copy(n), first);
            }
        }
        Node fromJfif = find(from, "app0JFIF");
        Node toJfif = find(to, "app0JFIF");
        if (fromJfif != null && toJfif != null) {
            for (Node n = fromJfif.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n.getNodeName().equals("app2ICC")) {
                    toJfif.appendChild(copy(n));
                }
            }
        }
        target.setFromTree(JPEG_METADATA, to);
        return target;
    }

    /** A deep copy with attributes and user object (IIOMetadataNode.cloneNode leaves the attributes behind). */
    private static IIOMetadataNode copy(Node node) {
        IIOMetadataNode copy = new IIOMetadataNode(node.getNodeName());
        if (node instanceof IIOMetadataNode n) {
            copy.setUserObject(n.getUserObject());
        }
        NamedNodeMap attributes = node.getAttributes();
        for (int i = 0; attributes != null && i < attributes.getLength(); i++) {
            copy.setAttribute(attributes.item(i).getNodeName(), attributes.item(i).getNodeValue());
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            copy.appendChild(copy(child));
        }
        return copy;
    }

    /** The first node named {@code name} under {@code root}, depth first. */
    private static Node find(Node root, String name) {
        if (root.getNodeName().equals(name)) {
            return root;
        }
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            Node found = find(n, name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
