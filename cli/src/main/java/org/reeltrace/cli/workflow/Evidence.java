package org.reeltrace.cli.workflow;

import java.util.List;

/** Everything a trace found, as written to evidence.json and rendered in report.html. */
public record Evidence(
        Tool tool,
        String createdAt,
        FileRef leak,
        WorkRef work,
        MatchRef match,
        WatermarkRef watermark,
        RecipientRef recipient,
        List<ReceiptChecking.Check> anchors,
        List<FileRef> filesExamined,
        List<FramePair> frames,
        String conclusion) {

    public record Tool(String name, String version, String commit, String command) {
    }

    public record FileRef(String role, String path, String sha256) {
    }

    public record WorkRef(String workId, String title, String sourcePath, String sourceSha256, double durationSeconds) {
    }

    public record SegmentRef(double queryStart, double queryEnd, double refStart, double refEnd, double similarity) {
    }

    public record MatchRef(double score, double falseMatchProbability, List<SegmentRef> segments) {
    }

    public record WatermarkRef(String mode, boolean found, String payload, String payloadHex, double confidence,
                               double falsePositiveProbability, double[] bitReliabilities, String keyId) {
    }

    public record RecipientRef(String name, String payload, String releasedAt, String copyFile, String copySha256) {
    }

    public record FramePair(double leakTime, double originalTime, String leakImage, String originalImage) {
    }
}
