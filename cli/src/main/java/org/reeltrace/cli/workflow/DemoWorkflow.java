package org.reeltrace.cli.workflow;

import org.reeltrace.drm.keys.KeyFiles;
import org.reeltrace.drm.keys.KeyKind;
import org.reeltrace.media.FilteredTranscoder;
import org.reeltrace.media.SyntheticClip;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The whole story in one workspace, with no network and no set-up: make a clip, release it to
 * three recipients, leak one copy through an excerpt + crop + scale + re-encode, trace the leak
 * back, and anchor and verify the proofs on the dev chain when one can be had.
 */
public final class DemoWorkflow {
    /** Who leaks in the demo; the trace must name exactly this recipient. */
    public static final String LEAKER = "bob";
    private static final List<String> RECIPIENTS = List.of("alice", LEAKER, "carol");

    public record Request(Path workspace, Optional<Path> clip, Optional<Anchoring> anchoring, ReceiptChecking receipts) {
    }

    public record Result(String workspace, String clip, String leak, String leakAttack, String tracedRecipient,
                         boolean correct, String report, String evidence, ReleaseWorkflow.Result release,
                         List<ReceiptChecking.Check> verifiedReceipts) {
    }

    private DemoWorkflow() {
    }

    public static Result run(Request request, WorkflowListener listener) throws Exception {
        Path ws = Files.createDirectories(request.workspace());
        Path keys = Files.createDirectories(ws.resolve("keys"));

        listener.step("1/6 generating keys: a watermark key, an issuer key and a key pair per recipient in \"" + keys + "\"");
        Path watermarkKey = keys.resolve("watermark.key");
        KeyFiles.generate(KeyKind.WATERMARK_SECRET, watermarkKey, Optional.empty());
        Path issuerKey = keys.resolve("issuer.key");
        KeyFiles.generate(KeyKind.ISSUER_SECRET, issuerKey, Optional.empty());
        StringBuilder csv = new StringBuilder("name,publicKey\n");
        for (String name : RECIPIENTS) {
            KeyFiles.GeneratedKey k = KeyFiles.generate(KeyKind.RECIPIENT_SECRET, keys.resolve(name + ".key"), Optional.empty());
            csv.append(name).append(',').append(k.publicKey().orElseThrow()).append('\n');
        }
        Path recipients = ws.resolve("recipients.csv");
        Files.writeString(recipients, csv);

        Path clip;
        if (request.clip().isPresent()) {
            clip = request.clip().get();
            listener.step("2/6 using the clip \"" + clip + "\"");
        } else {
            clip = ws.resolve("work.mp4");
            listener.step("2/6 generating a 24 s 640x360 clip with sound: \"" + clip + "\"");
            SyntheticClip.builder().seed(2026).seconds(24).size(640, 360).fps(25).write(clip);
        }

        listener.step("3/6 releasing to " + String.join(", ", RECIPIENTS) + ": one watermarked, sealed copy each"
                + (request.anchoring().isPresent() ? ", anchored in one transaction" : ""));
        Path releaseDir = ws.resolve("release");
        byte[] key = KeyFiles.readWatermarkKey(watermarkKey);
        ReleaseWorkflow.Result release = ReleaseWorkflow.run(new ReleaseWorkflow.Request(clip, RecipientList.read(recipients), key,
                releaseDir, ws.resolve("catalog.db").toString(),
                Optional.of(new DrmSealing(issuerKey, Optional.empty(), Optional.empty())), request.anchoring()), listener);

        String attack = "a 12 s excerpt from 4 s, cropped 6% per side, scaled to 480 px wide, re-encoded with x264 CRF 28";
        listener.step("4/6 simulating a leak of " + LEAKER + "'s copy: " + attack);
        Path leaked = ws.resolve("leak.mp4");
        Path bobCopy = Path.of(release.copies().stream().filter(c -> c.recipient().equals(LEAKER)).findFirst().orElseThrow().file());
        FilteredTranscoder.transcode(bobCopy, leaked,
                new FilteredTranscoder.Options("crop=iw*0.88:ih*0.88,scale=480:-2", 4.0, 12.0, 28));

        listener.step("5/6 tracing the leak");
        Path traceDir = ws.resolve("trace");
        TraceWorkflow.Result trace = TraceWorkflow.run(new TraceWorkflow.Request(leaked, ws.resolve("catalog.db").toString(), key,
                traceDir, "reeltrace trace " + leaked + " --catalog " + ws.resolve("catalog.db") + " --key " + watermarkKey
                        + " -o " + traceDir, request.receipts(), Optional.empty()), listener);
        String traced = trace.evidence().recipient() == null ? null : trace.evidence().recipient().name();

        List<ReceiptChecking.Check> verified = new ArrayList<>();
        if (release.anchor() != null) {
            listener.step("6/6 verifying every release receipt against the dev chain");
            for (String receipt : release.anchor().receipts()) {
                verified.add(request.receipts().check(Path.of(receipt), null));
            }
        } else {
            listener.step("6/6 no chain: anchoring skipped");
        }
        return new Result(ws.toString(), clip.toString(), leaked.toString(), attack, traced, LEAKER.equals(traced),
                trace.report().toString(), trace.evidenceFile().toString(), release, verified);
    }
}
