import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.security.MessageDigest;

/**
 * What a fresh JVM pays to SHA-256 and AES-256-GCM (in place) N MiB in 64 KiB calls, as drm seal does:
 * run by jit-bench.sh with and without the launcher's JIT thresholds. Prints the seconds spent in main.
 */
public final class CryptoPathRate {
    public static void main(String[] args) throws Exception {
        int mib = args.length > 0 ? Integer.parseInt(args[0]) : 1024;
        long t0 = System.nanoTime();
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        SecretKeySpec key = new SecretKeySpec(new byte[32], "AES");
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        int slot = 65536 + 16;
        byte[] buffer = new byte[4 * slot];
        byte[] nonce = new byte[12];
        for (int i = 0; i < mib * 16; i++) {
            int at = (i & 3) * slot;
            sha.update(buffer, at, 65536);
            nonce[10] = (byte) i;
            nonce[9] = (byte) (i >>> 8);
            nonce[8] = (byte) (i >>> 16);
            gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            gcm.doFinal(buffer, at, 65536, buffer, at);
        }
        System.out.printf("%.3f%n", (System.nanoTime() - t0) / 1e9);
    }
}
