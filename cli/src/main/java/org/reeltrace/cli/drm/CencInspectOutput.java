package org.reeltrace.cli.drm;

import org.reeltrace.cli.Console;
import org.reeltrace.cli.ExitCodes;
import org.reeltrace.drm.DrmException;
import org.reeltrace.drm.cenc.CencInspector;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Prints what drm inspect finds in an MP4: per-track scheme, KID, IV size, pattern; pssh systems. */
final class CencInspectOutput {
    private CencInspectOutput() {
    }

    static int print(Console console, Path file) throws DrmException {
        CencInspector.Report r = CencInspector.inspect(file);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("file", file.toString());
        json.put("format", "mp4");
        json.put("encrypted", r.encrypted());
        json.put("fragmented", r.fragmented());
        json.put("fragments", r.fragments());
        json.put("tracks", r.tracks());
        json.put("pssh", r.psshSystemIds());
        console.json(json);
        console.result("\"" + file + "\": " + (r.encrypted() ? "encrypted" : "clear") + (r.fragmented() ? ", fragmented (" + r.fragments() + " fragments)" : ", progressive"));
        for (CencInspector.TrackReport t : r.tracks()) {
            console.result("track " + t.trackId() + " " + t.handler() + " " + t.sampleEntry()
                    + (t.scheme() == null ? " clear" : " " + t.scheme() + " KID " + t.kid() + " IV " + (t.perSampleIvSize() == 0 ? "constant" : t.perSampleIvSize() + " bytes")
                    + (t.pattern() == null ? "" : " pattern " + t.pattern())));
        }
        r.psshSystemIds().forEach(s -> console.result("pssh " + s));
        return ExitCodes.OK;
    }
}
