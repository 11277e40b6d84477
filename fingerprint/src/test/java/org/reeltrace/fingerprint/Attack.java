package org.reeltrace.fingerprint;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One FFmpeg-made transformation of a clip, as in the robustness matrix of issue 3. Each knows the
 * time offset the copy should be found at (excerpts start later in the original) and its speed.
 */
enum Attack {
    H264_CRF36("H.264 CRF 36", enc("-c:v", "libx264", "-preset", "veryfast", "-crf", "36")),
    H265("H.265 CRF 30", enc("-c:v", "libx265", "-preset", "ultrafast", "-crf", "30", "-x265-params", "log-level=error")),
    VP9("VP9 300 kbit/s", "webm", List.of("-c:v", "libvpx-vp9", "-b:v", "300k", "-deadline", "realtime", "-cpu-used", "8", "-c:a", "libopus")),
    DOWNSCALE_360P("downscale to 360p", vf("scale=-2:360")),
    CROP_10("crop 10% per side", vf("crop=trunc(iw*0.8/2)*2:trunc(ih*0.8/2)*2")),
    LETTERBOX_4_3("letterbox to 4:3", vf("scale=640:480:force_original_aspect_ratio=decrease,setsar=1,pad=640:480:(ow-iw)/2:(oh-ih)/2")),
    PILLARBOX("pillarbox", vf("scale=-2:360,setsar=1,pad=iw+240:ih:120:0")),
    BRIGHTER_25("brightness +25%", vf("lutyuv=y='clip(val*1.25,0,255)'")),
    DARKER_25("brightness -25%", vf("lutyuv=y='val*0.75'")),
    CONTRAST("contrast x1.5", vf("eq=contrast=1.5")),
    GAMMA("gamma 1.8", vf("eq=gamma=1.8")),
    NOISE("noise", vf("noise=alls=25:allf=t")),
    BLUR("blur sigma 3", vf("gblur=sigma=3")),
    HFLIP("horizontal flip", vf("hflip")),
    GRAYSCALE("grayscale", vf("hue=s=0")),
    SEPIA("sepia", vf("colorchannelmixer=.393:.769:.189:0:.349:.686:.168:0:.272:.534:.131")),
    LOGO("logo overlay", vf("drawbox=x=iw*0.62:y=ih*0.06:w=iw*0.32:h=ih*0.22:color=white@0.85:t=fill,"
            + "drawbox=x=iw*0.66:y=ih*0.10:w=iw*0.10:h=ih*0.14:color=red@0.9:t=fill")),
    SUBTITLES("subtitle overlay", vf(FfmpegCli.hasFont()
            ? "drawbox=x=iw*0.08:y=ih*0.78:w=iw*0.84:h=ih*0.14:color=black@0.55:t=fill,drawtext=fontfile=" + FfmpegCli.FONT
            + ":text='We need to talk about the plan':fontcolor=white:fontsize=h/14:x=(w-text_w)/2:y=h*0.80"
            : "drawbox=x=iw*0.08:y=ih*0.78:w=iw*0.84:h=ih*0.14:color=black@0.55:t=fill")),
    FPS_30("frame rate to 30", vf("fps=30")),
    FPS_23_976("frame rate to 23.976", vf("fps=24000/1001")),
    EXCERPT_8S("8 s excerpt from 3 s", List.of("-ss", "3", "-t", "8", "-c:v", "libx264", "-preset", "veryfast", "-crf", "23")) {
        @Override
        double refOffset() {
            return 3;
        }
    },
    SPEED_UP_3("3% speed-up", List.of("-filter:v", "setpts=PTS/1.03", "-filter:a", "atempo=1.03", "-c:v", "libx264", "-preset", "veryfast", "-crf", "23")) {
        @Override
        double speed() {
            return 1.03;
        }
    },
    PIP_50("picture-in-picture at 50%", List.of()) {
        @Override
        void apply(Path in, Path background, Path out) throws IOException, InterruptedException {
            FfmpegCli.run(List.of("-stream_loop", "-1", "-i", background.toString(), "-i", in.toString(), "-filter_complex",
                    "[0:v]scale=1280:720,setsar=1[bg];[1:v]scale=640:360:force_original_aspect_ratio=decrease,setsar=1[pip];"
                            + "[bg][pip]overlay=x=W-w-24:y=H-h-14:shortest=1",
                    "-map", "1:a?", "-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-c:a", "aac", "-shortest", out.toString()));
        }
    },
    CAMCORD("camcord-like mix", vf("perspective=x0=W*0.04:y0=H*0.03:x1=W*0.97:y1=H*0.01:x2=W*0.02:y2=H*0.98:x3=W*0.95:y3=H*0.96,"
            + "gblur=sigma=1.5,eq=gamma=1.3:contrast=0.9,noise=alls=12:allf=t"));

    final String label;
    final String extension;
    final List<String> args;

    Attack(String label, List<String> args) {
        this(label, "mp4", args);
    }

    Attack(String label, String extension, List<String> args) {
        this.label = label;
        this.extension = extension;
        this.args = args;
    }

    /** Where the copy's time 0 lies in the original, in seconds. */
    double refOffset() {
        return 0;
    }

    double speed() {
        return 1;
    }

    /** Writes the attacked copy of {@code in} to {@code out}; {@code background} is other footage for overlays. */
    void apply(Path in, Path background, Path out) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        int ss = args.indexOf("-ss");
        if (ss >= 0) {
            cmd.addAll(args.subList(ss, ss + 2)); // input seeking: cut exactly at the key point
        }
        cmd.add("-i");
        cmd.add(in.toString());
        for (int i = 0; i < args.size(); i++) {
            if (i == ss) {
                i++;
                continue;
            }
            cmd.add(args.get(i));
        }
        if (!args.contains("-c:a")) {
            cmd.addAll(List.of("-c:a", "aac"));
        }
        cmd.add(out.toString());
        FfmpegCli.run(cmd);
    }

    private static List<String> enc(String... codec) {
        return List.of(codec);
    }

    private static List<String> vf(String filter) {
        return List.of("-vf", filter, "-c:v", "libx264", "-preset", "veryfast", "-crf", "23");
    }
}
