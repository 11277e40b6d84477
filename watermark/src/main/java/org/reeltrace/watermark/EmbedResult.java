package org.reeltrace.watermark;

import java.nio.file.Path;
import java.util.List;

/**
 * What an embed wrote.
 *
 * @param frames         pictures marked (1 for a still image)
 * @param encoder        video encoder used, or the image format
 * @param droppedStreams streams of the input that the output container could not carry
 */
public record EmbedResult(Path output, long payload, long frames, int width, int height, String encoder,
                          List<String> droppedStreams) {
}
