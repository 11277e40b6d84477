package org.reeltrace.watermark;

import java.io.IOException;
import java.nio.file.Path;

/** One FFmpeg-made attack of the robustness matrix. */
record Attack(String name, String args) {
    static final String X264 = "-c:v libx264 -preset veryfast -crf ";

    /** Applies the attack; " | " separates passes applied one after the other. */
    Path apply(Path in, Path dir) throws IOException, InterruptedException {
        Path current = in;
        int pass = 0;
        for (String passArgs : args.split(" \\| ")) {
            boolean webm = passArgs.contains("libvpx");
            Path out = dir.resolve(name.replaceAll("[^A-Za-z0-9]+", "-") + "-" + pass++ + (webm ? ".webm" : ".mp4"));
            java.util.List<String> a = new java.util.ArrayList<>();
            java.util.List<String> tokens = java.util.List.of(passArgs.split(" "));
            int i = 0;
            if (tokens.get(0).equals("-ss")) {
                a.add("-ss");
                a.add(tokens.get(1));
                i = 2;
            }
            a.add("-i");
            a.add(current.toString());
            a.addAll(tokens.subList(i, tokens.size()));
            a.add("-an");
            a.add(out.toString());
            FfmpegCli.run(a.toArray(String[]::new));
            current = out;
        }
        return current;
    }

    static java.util.List<Attack> lean() {
        return java.util.List.of(
                new Attack("H.264 CRF 23", X264 + "23"),
                new Attack("H.264 CRF 32", X264 + "32"),
                new Attack("downscale 360p", "-vf scale=-2:360 " + X264 + "28"),
                new Attack("crop 10%", "-vf crop=iw*0.9:ih*0.9:iw*0.04:ih*0.06 " + X264 + "23"),
                new Attack("camcord-like mix", "-vf eq=brightness=0.06:contrast=1.15,scale=iw*0.8:-2,gblur=sigma=0.8,noise=alls=6:allf=t "
                        + X264 + "30"));
    }

    static java.util.List<Attack> full() {
        return java.util.List.of(
                new Attack("none (CRF 18 output)", "-c:v copy"),
                new Attack("H.264 CRF 23", X264 + "23"),
                new Attack("H.264 CRF 28", X264 + "28"),
                new Attack("H.264 CRF 32", X264 + "32"),
                new Attack("H.265 CRF 28", "-c:v libx265 -preset veryfast -crf 28"),
                new Attack("VP9 CRF 36", "-c:v libvpx-vp9 -deadline realtime -cpu-used 8 -b:v 0 -crf 36"),
                new Attack("downscale 720p", "-vf scale=-2:720 " + X264 + "23"),
                new Attack("downscale 480p", "-vf scale=-2:480 " + X264 + "23"),
                new Attack("downscale 360p", "-vf scale=-2:360 " + X264 + "28"),
                new Attack("crop 5%", "-vf crop=iw*0.95:ih*0.95:iw*0.02:ih*0.03 " + X264 + "23"),
                new Attack("crop 10%", "-vf crop=iw*0.9:ih*0.9:iw*0.04:ih*0.06 " + X264 + "23"),
                new Attack("crop 10% + rescale", "-vf crop=iw*0.9:ih*0.9:iw*0.05:ih*0.05,scale=iw/0.9:-2 " + X264 + "23"),
                // a 16:9 picture shrunk into a 4:3 frame with bars above and below, aspect ratio kept
                new Attack("letterbox 4:3", "-vf scale=trunc(iw*3/8)*2:trunc(ih*3/8)*2,pad=iw:trunc(iw*3/8)*2:0:(oh-ih)/2 " + X264 + "23"),
                new Attack("brightness +20%", "-vf eq=brightness=0.08 " + X264 + "23"),
                new Attack("contrast -20%", "-vf eq=contrast=0.8 " + X264 + "23"),
                new Attack("contrast +20%", "-vf eq=contrast=1.2 " + X264 + "23"),
                new Attack("gamma 1.3", "-vf eq=gamma=1.3 " + X264 + "23"),
                new Attack("noise", "-vf noise=alls=8:allf=t " + X264 + "23"),
                new Attack("blur", "-vf gblur=sigma=1.2 " + X264 + "23"),
                new Attack("frame rate 30", "-vf fps=30 " + X264 + "23"),
                new Attack("excerpt 4 s", "-ss 3 -t 4 " + X264 + "23"),
                new Attack("re-encoded twice (CRF 26, then 540p CRF 26)", X264 + "26 | -vf scale=-2:540 " + X264 + "26"),
                new Attack("camcord-like mix", "-vf eq=brightness=0.06:contrast=1.15,scale=iw*0.8:-2,gblur=sigma=0.8,noise=alls=6:allf=t "
                        + X264 + "30"),
                new Attack("tilted 3 degrees", "-vf rotate=3*PI/180 " + X264 + "23"),
                new Attack("camcord-like mix, tilted -4 degrees and cropped", "-vf rotate=-4*PI/180,crop=iw*0.9:ih*0.9,"
                        + "eq=brightness=0.06:contrast=1.15,scale=trunc(iw*0.4)*2:-2,gblur=sigma=0.8,noise=alls=6:allf=t " + X264 + "30"));
    }
}
