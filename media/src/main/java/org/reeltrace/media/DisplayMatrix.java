package org.reeltrace.media;

import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacketSideData;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

import java.util.Optional;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_DATA_DISPLAYMATRIX;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_side_data_get;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_side_data_new;
import static org.bytedeco.ffmpeg.global.avutil.av_display_rotation_get;

/** A video stream's display matrix (ISO/IEC 14496-12 tkhd matrix): how players turn the stored picture. */
final class DisplayMatrix {
    /** Nine 32-bit fixed-point numbers. */
    private static final int SIZE = 9 * 4;

    private DisplayMatrix() {
    }

    /** The stream's matrix as FFmpeg stores it, if it has one. */
    static Optional<byte[]> of(AVCodecParameters par) {
        AVPacketSideData sd = av_packet_side_data_get(par.coded_side_data(), par.nb_coded_side_data(), AV_PKT_DATA_DISPLAYMATRIX);
        if (sd == null || sd.isNull() || sd.size() < SIZE) {
            return Optional.empty();
        }
        byte[] matrix = new byte[SIZE];
        sd.data().get(matrix);
        return Optional.of(matrix);
    }

    /** Counter-clockwise rotation in degrees ({@code av_display_rotation_get}); 0 without a matrix. */
    static double degrees(AVCodecParameters par) {
        return of(par).map(DisplayMatrix::degrees).orElse(0.0);
    }

    /** Counter-clockwise rotation in degrees of a matrix as {@link #of} gives it. */
    static double degrees(byte[] matrix) {
        try (BytePointer bytes = new BytePointer(matrix)) {
            double degrees = av_display_rotation_get(new IntPointer(bytes));
            return Double.isNaN(degrees) ? 0 : degrees;
        }
    }

    /** Gives {@code to} (an output stream's parameters, before its header is written) the same matrix. */
    static void copy(byte[] matrix, AVCodecParameters to) {
        // av_packet_side_data_new may move the array: it takes the field's address, and the field is set back after
        PointerPointer<AVPacketSideData> array = new PointerPointer<>(1);
        array.put(0, to.coded_side_data());
        IntPointer count = new IntPointer(1).put(to.nb_coded_side_data());
        AVPacketSideData sd = av_packet_side_data_new(array, count, AV_PKT_DATA_DISPLAYMATRIX, SIZE, 0);
        if (sd == null || sd.isNull()) {
            throw new OutOfMemoryError("FFmpeg could not allocate a display matrix");
        }
        sd.data().put(matrix);
        to.coded_side_data(array.get(AVPacketSideData.class, 0));
        to.nb_coded_side_data(count.get());
    }
}
