package org.reeltrace.cli.workflow;

import org.reeltrace.fingerprint.Catalog;
import org.reeltrace.fingerprint.Fingerprint;
import org.reeltrace.fingerprint.Fingerprinter;
import org.reeltrace.fingerprint.RecipientCopy;
import org.reeltrace.fingerprint.Work;
import org.reeltrace.watermark.EncoderSettings;
import org.reeltrace.watermark.WatermarkEmbedder;
import org.reeltrace.watermark.WatermarkKey;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A release: fingerprint the work and register it, give each recipient a payload, write one
 * watermarked copy per recipient from a single decode of the source, optionally seal each copy to
 * its recipient and anchor everything in one transaction. Copies already made (same file hash as
 * recorded in the catalog) are kept, so an interrupted release resumes where it stopped.
 */
public final class ReleaseWorkflow {

    public record Request(Path video, RecipientList recipients, byte[] watermarkKey, Path outputDir,
                          String catalog, Optional<Sealing> sealing, Optional<Anchoring> anchoring) {
    }

    public record Copy(String recipient, String payload, String payloadHex, String file, String sha256,
                       boolean reused, String sealedFile, String licenceId) {
    }

    public record Result(String workId, String title, String fingerprint, String fingerprintSha256, String catalog,
                         List<Copy> copies, Anchoring.Summary anchor, String manifest) {
    }

    private ReleaseWorkflow() {
    }

    public static Result run(Request request, WorkflowListener listener) throws Exception {
        Path dir = request.outputDir();
        Files.createDirectories(dir);
        String catalogRef = request.catalog() != null ? request.catalog() : dir.resolve("catalog.db").toString();
        long totalSteps = 2L + request.recipients().recipients().size() * 2L + 1;
        long done = 0;

        listener.step("fingerprinting \"" + request.video() + "\"");
        Fingerprint fingerprint = Fingerprinter.reference(request.video());
        Path rtfp = dir.resolve(request.video().getFileName() + ".rtfp"); // as `fingerprint create` names it
        fingerprint.write(rtfp);
        listener.progress(++done, totalSteps);

        try (Catalog catalog = Catalog.open(catalogRef)) {
            Work work = catalog.add(fingerprint, null, baseName(request.video()), request.video().toAbsolutePath());
            listener.step("registered work " + work.workId() + " in \"" + catalogRef + "\"");
            listener.progress(++done, totalSteps);

            PayloadAssigner assigner = new PayloadAssigner(request.watermarkKey());
            String ext = outputExtension(request.video());
            Map<Long, Path> toEmbed = new LinkedHashMap<>();
            Map<String, Long> payloads = new LinkedHashMap<>();
            Map<String, String> reused = new LinkedHashMap<>(); // recipient -> hash of the copy kept
            for (RecipientList.Recipient r : request.recipients().recipients()) {
                long payload = assigner.payloadFor(work.workId(), r.name());
                payloads.put(r.name(), payload);
                Path out = dir.resolve(r.name() + "." + ext);
                Optional<String> kept = finishedCopyHash(catalog, work.workId(), payload, out);
                if (kept.isPresent()) {
                    reused.put(r.name(), kept.get());
                } else {
                    toEmbed.put(payload, out);
                }
            }
            if (!reused.isEmpty()) {
                listener.step("keeping finished copies for " + String.join(", ", reused.keySet()));
            }
            if (!toEmbed.isEmpty()) {
                listener.step("watermarking " + toEmbed.size() + " copies (one decode of the source)");
                WatermarkEmbedder.embedMany(request.video(), toEmbed, WatermarkKey.of(request.watermarkKey()),
                        EncoderSettings.defaults());
            }
            List<Copy> copies = new ArrayList<>();
            for (RecipientList.Recipient r : request.recipients().recipients()) {
                long payload = payloads.get(r.name());
                Path out = dir.resolve(r.name() + "." + ext);
                boolean kept = reused.containsKey(r.name());
                String sha = kept ? reused.get(r.name()) : Hashes.sha256(out);
                if (!kept) {
                    catalog.recordCopy(work.workId(), r.name(), payload, Instant.now(), sha, out.toAbsolutePath().toString());
                }
                listener.progress(++done, totalSteps);
                String sealed = null;
                String licence = null;
                if (request.sealing().isPresent() && r.publicKey().isPresent()) {
                    Sealing.Sealed s = request.sealing().get().seal(out, r, payload, sha);
                    sealed = s.file().toString();
                    licence = s.licenceId();
                }
                listener.progress(++done, totalSteps);
                copies.add(new Copy(r.name(), Long.toUnsignedString(payload), String.format("0x%016x", payload),
                        out.toString(), sha, kept, sealed, licence));
            }

            Anchoring.Summary anchor = null;
            if (request.anchoring().isPresent()) {
                listener.step("anchoring the fingerprint, " + copies.size() + " copies and their licences in one transaction");
                List<Path> items = new ArrayList<>();
                items.add(rtfp);
                for (Copy c : copies) {
                    items.add(Path.of(c.file()));
                    if (c.sealedFile() != null) {
                        items.add(Path.of(c.sealedFile()));
                    }
                }
                anchor = request.anchoring().get().anchor(items, dir.resolve("receipts"));
            }
            listener.progress(++done, totalSteps);

            Path manifest = dir.resolve("release.json");
            Result result = new Result(work.workId(), work.title(), rtfp.toString(), Hashes.sha256(rtfp), catalogRef,
                    copies, anchor, manifest.toString());
            Json.writeAtomically(manifest, result);
            return result;
        }
    }

    /** The hash of a copy already made in an earlier run and recorded with that hash, if there is one. */
    private static Optional<String> finishedCopyHash(Catalog catalog, String workId, long payload, Path out) throws Exception {
        if (!Files.isRegularFile(out)) {
            return Optional.empty();
        }
        Optional<RecipientCopy> recorded = catalog.findCopy(workId, payload);
        if (recorded.isEmpty()) {
            return Optional.empty();
        }
        String sha = Hashes.sha256(out);
        return recorded.get().outputSha256().equals(sha) ? Optional.of(sha) : Optional.empty();
    }

    static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String outputExtension(Path video) {
        String name = video.getFileName().toString().toLowerCase(Locale.ROOT);
        for (String ext : new String[] {"mp4", "mov", "mkv", "m4v"}) {
            if (name.endsWith("." + ext)) {
                return ext;
            }
        }
        return "mp4";
    }
}
