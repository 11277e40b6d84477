package org.reeltrace.cli.workflow;

import org.reeltrace.cli.VersionInfo;
import org.reeltrace.fingerprint.Catalog;
import org.reeltrace.fingerprint.CatalogMatch;
import org.reeltrace.fingerprint.Fingerprint;
import org.reeltrace.fingerprint.Fingerprinter;
import org.reeltrace.fingerprint.RecipientCopy;
import org.reeltrace.fingerprint.Segment;
import org.reeltrace.fingerprint.Work;
import org.reeltrace.media.StillFrames;
import org.reeltrace.watermark.Detection;
import org.reeltrace.watermark.WatermarkDetector;
import org.reeltrace.watermark.WatermarkKey;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A leak investigation: which work (fingerprint match with aligned segments), whose copy
 * (watermark, informed with the catalogued original when its file is at hand, blind otherwise),
 * the release's chain receipts, and an evidence bundle a second expert can re-run.
 */
public final class TraceWorkflow {

    public record Request(Path leak, String catalog, byte[] watermarkKey, Path outputDir, String command,
                          ReceiptChecking receipts, Optional<Anchoring> anchoring) {
    }

    public record Result(Evidence evidence, Path evidenceFile, Path report, Anchoring.Summary evidenceAnchor) {
        public boolean recipientFound() {
            return evidence.recipient() != null;
        }
    }

    private static final int FRAME_PAIRS = 3;

    private TraceWorkflow() {
    }

    public static Result run(Request request, WorkflowListener listener) throws Exception {
        Path dir = request.outputDir();
        Files.createDirectories(dir);
        List<Evidence.FileRef> examined = new ArrayList<>();
        String leakSha = Hashes.sha256(request.leak());
        Evidence.FileRef leakRef = new Evidence.FileRef("leak", request.leak().toAbsolutePath().toString(), leakSha);
        examined.add(leakRef);

        listener.step("fingerprinting the leak \"" + request.leak() + "\"");
        Fingerprint leakPrint = Fingerprinter.fingerprint(request.leak());
        listener.progress(1, 5);

        Evidence.WorkRef workRef = null;
        Evidence.MatchRef matchRef = null;
        Evidence.WatermarkRef watermarkRef = null;
        Evidence.RecipientRef recipientRef = null;
        List<ReceiptChecking.Check> anchors = new ArrayList<>();
        List<Evidence.FramePair> frames = new ArrayList<>();
        String conclusion;

        try (Catalog catalog = Catalog.open(request.catalog())) {
            listener.step("searching the catalog \"" + request.catalog() + "\"");
            List<CatalogMatch> matches = catalog.match(leakPrint);
            listener.progress(2, 5);
            Path reference = null;
            Work work = null;
            if (!matches.isEmpty()) {
                CatalogMatch best = matches.get(0);
                work = best.work();
                workRef = new Evidence.WorkRef(work.workId(), work.title(), work.sourcePath(), work.sourceSha256(), work.durationSeconds());
                List<Evidence.SegmentRef> segments = best.segments().stream()
                        .map(s -> new Evidence.SegmentRef(s.queryStart(), s.queryEnd(), s.refStart(), s.refEnd(), s.similarity()))
                        .toList();
                matchRef = new Evidence.MatchRef(best.score(), best.falseMatchProbability(), segments);
                reference = usableOriginal(work, examined);
            }

            WatermarkKey key = WatermarkKey.of(request.watermarkKey());
            listener.step(reference != null
                    ? "reading the watermark, informed by the original \"" + reference + "\""
                    : "reading the watermark blind (the original file is not at hand)");
            Detection detection = reference != null
                    ? WatermarkDetector.detect(request.leak(), key, reference)
                    : WatermarkDetector.detect(request.leak(), key);
            listener.progress(3, 5);
            watermarkRef = new Evidence.WatermarkRef(detection.mode(), detection.found(),
                    detection.found() ? Long.toUnsignedString(detection.payload()) : null,
                    detection.found() ? String.format("0x%016x", detection.payload()) : null,
                    detection.confidence(), detection.falsePositiveProbability(), detection.bitReliabilities(),
                    keyId(request.watermarkKey()));

            if (detection.found()) {
                Optional<RecipientCopy> copy = findCopy(catalog, work, detection.payload());
                if (copy.isPresent()) {
                    RecipientCopy c = copy.get();
                    recipientRef = new Evidence.RecipientRef(c.recipient(), Long.toUnsignedString(c.payload()),
                            c.date().toString(), c.outputFile(), c.outputSha256());
                    if (work == null) {
                        work = catalog.list().stream().filter(w -> w.workId().equals(c.workId())).findFirst().orElse(null);
                        if (work != null) {
                            workRef = new Evidence.WorkRef(work.workId(), work.title(), work.sourcePath(), work.sourceSha256(), work.durationSeconds());
                        }
                    }
                    listener.step("checking the release's chain receipts");
                    anchors.addAll(checkReceipts(request.receipts(), c));
                }
            }
            listener.progress(4, 5);

            if (reference != null && matchRef != null && !matchRef.segments().isEmpty()) {
                frames.addAll(framePairs(request.leak(), reference, matchRef.segments().get(0), dir));
            }
            conclusion = conclusion(workRef, matchRef, watermarkRef, recipientRef);
        }

        VersionInfo version = VersionInfo.current();
        Evidence evidence = new Evidence(new Evidence.Tool("reeltrace", version.version(), version.commit(), request.command()),
                Instant.now().toString(), leakRef, workRef, matchRef, watermarkRef, recipientRef, anchors, examined, frames, conclusion);
        Path evidenceFile = dir.resolve("evidence.json");
        Json.writeAtomically(evidenceFile, evidence);
        Path report = dir.resolve("report.html");
        Json.writeAtomically(report, EvidenceReport.html(evidence, dir));
        listener.progress(5, 5);

        Anchoring.Summary anchored = null;
        if (request.anchoring().isPresent()) {
            listener.step("anchoring the evidence bundle");
            anchored = request.anchoring().get().anchor(List.of(evidenceFile, report), dir.resolve("receipts"));
        }
        return new Result(evidence, evidenceFile, report, anchored);
    }

    /** The catalogued original, if its file is still where it was and still has the recorded hash. */
    private static Path usableOriginal(Work work, List<Evidence.FileRef> examined) throws Exception {
        if (work.sourcePath() == null) {
            return null;
        }
        Path source = Path.of(work.sourcePath());
        if (!Files.isRegularFile(source)) {
            return null;
        }
        String sha = Hashes.sha256(source);
        if (work.sourceSha256() != null && !work.sourceSha256().equalsIgnoreCase(sha)) {
            return null;
        }
        examined.add(new Evidence.FileRef("original", source.toString(), sha));
        return source;
    }

    private static Optional<RecipientCopy> findCopy(Catalog catalog, Work work, long payload) throws Exception {
        if (work != null) {
            return catalog.findCopy(work.workId(), payload);
        }
        for (Work w : catalog.list()) {
            Optional<RecipientCopy> c = catalog.findCopy(w.workId(), payload);
            if (c.isPresent()) {
                return c;
            }
        }
        return Optional.empty();
    }

    /** Receipts written by `release --anchor` sit in receipts/ beside the copies. */
    private static List<ReceiptChecking.Check> checkReceipts(ReceiptChecking checking, RecipientCopy copy) throws Exception {
        List<ReceiptChecking.Check> checks = new ArrayList<>();
        Path copyFile = Path.of(copy.outputFile());
        Path receipts = copyFile.toAbsolutePath().getParent().resolve("receipts");
        if (!Files.isDirectory(receipts)) {
            return checks;
        }
        String copyName = copyFile.getFileName().toString();
        try (var files = Files.list(receipts)) {
            for (Path receipt : files.filter(p -> p.getFileName().toString().startsWith(copyName)).sorted().toList()) {
                // DIR/receipts/NAME.receipt.json anchors DIR/NAME (the copy, or its sealed envelope)
                String item = receipt.getFileName().toString().replaceFirst("\\.receipt\\.json$", "");
                Path itemFile = copyFile.toAbsolutePath().getParent().resolve(item);
                checks.add(checking.check(receipt, Files.isRegularFile(itemFile) ? itemFile : null));
            }
        }
        return checks;
    }

    private static List<Evidence.FramePair> framePairs(Path leak, Path original, Evidence.SegmentRef segment, Path dir) throws Exception {
        List<Evidence.FramePair> pairs = new ArrayList<>();
        Path framesDir = Files.createDirectories(dir.resolve("frames"));
        double qLen = segment.queryEnd() - segment.queryStart();
        double rate = qLen > 0 ? (segment.refEnd() - segment.refStart()) / qLen : 1;
        for (int i = 0; i < FRAME_PAIRS; i++) {
            double q = segment.queryStart() + qLen * (i + 0.5) / FRAME_PAIRS;
            double r = segment.refStart() + (q - segment.queryStart()) * rate;
            BufferedImage leakImage = StillFrames.at(leak, q, 480);
            BufferedImage originalImage = StillFrames.at(original, r, 480);
            Path l = framesDir.resolve("leak-" + (i + 1) + ".png");
            Path o = framesDir.resolve("original-" + (i + 1) + ".png");
            ImageIO.write(leakImage, "png", l.toFile());
            ImageIO.write(originalImage, "png", o.toFile());
            pairs.add(new Evidence.FramePair(round(q), round(r), dir.relativize(l).toString(), dir.relativize(o).toString()));
        }
        return pairs;
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }

    /** Identifies the watermark key without revealing it: the first 8 bytes of its SHA-256. */
    static String keyId(byte[] key) {
        return HexFormat.of().formatHex(Hashes.sha256().digest(key), 0, 8);
    }

    private static String conclusion(Evidence.WorkRef work, Evidence.MatchRef match, Evidence.WatermarkRef wm,
                                     Evidence.RecipientRef recipient) {
        StringBuilder s = new StringBuilder();
        if (work == null) {
            s.append("The leak matches no work in the catalog.");
        } else {
            s.append("The leak contains the work \"").append(work.title() != null ? work.title() : work.workId()).append("\"");
            if (match != null) {
                s.append(" (").append(match.segments().size()).append(" matching segment")
                        .append(match.segments().size() == 1 ? "" : "s").append(", score ")
                        .append(String.format("%.3f", match.score())).append(")");
            }
            s.append('.');
        }
        if (recipient != null) {
            s.append(" Its watermark carries payload ").append(wm.payloadHex()).append(", assigned to recipient \"")
                    .append(recipient.name()).append("\" on ").append(recipient.releasedAt()).append('.');
        } else if (wm != null && wm.found()) {
            s.append(" Its watermark carries payload ").append(wm.payloadHex()).append(", which the catalog does not assign to anyone.");
        } else {
            s.append(" No watermark was found with this key: no recipient is named.");
        }
        return s.toString();
    }
}
