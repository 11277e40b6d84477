package org.reeltrace.chain;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Anchors files in a process of its own, so CrashRecoveryIT can kill it: HOME OUTDIR FILE... */
public final class AnchorMain {
    private AnchorMain() {
    }

    public static void main(String[] args) throws Exception {
        List<AnchorItem> items = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            items.add(AnchorItem.ofFile(Path.of(args[i])));
        }
        ChainConfig cfg = ChainConfig.dev().withHome(Path.of(args[0])).withPollInterval(Duration.ofMillis(20))
                .withTimeout(Duration.ofSeconds(60));
        AnchorResult r = Anchorer.anchor(items, Path.of(args[1]), cfg);
        System.out.println(r.txHash());
    }
}
