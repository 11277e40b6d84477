package org.reeltrace.drm.cenc;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The bulk sample cipher (16 KiB out-of-place pieces, crypt blocks gathered into one call) equals a
 * block-by-block reference written from ISO/IEC 23001-7 on raw AES (ECB of single blocks): CTR as the
 * counter block encrypted and XORed byte by byte, CBC chained block by block, patterns walked block
 * by block. Samples span several pieces, subsample maps are random, both directions, both tails.
 */
class SampleCipherTest {
    private static final byte[] KEY = hex("00112233445566778899aabbccddeeff");

    @ParameterizedTest
    @CsvSource({
        "CENC,0,0,true,ENCRYPTED", "CENC,0,0,false,ENCRYPTED",
        "CENS,1,9,true,ENCRYPTED", "CENS,5,5,false,ENCRYPTED", "CENS,3,7,true,CLEAR",
        "CBC1,0,0,true,ENCRYPTED", "CBC1,0,0,false,ENCRYPTED",
        "CBCS,1,9,true,ENCRYPTED", "CBCS,1,9,false,ENCRYPTED", "CBCS,2,8,true,CLEAR", "CBCS,0,0,true,ENCRYPTED"})
    void bulkEqualsBlockByBlockReference(Scheme scheme, int crypt, int skip, boolean encrypt, PatternTail tail) throws Exception {
        SplittableRandom random = new SplittableRandom(scheme.ordinal() * 100 + crypt * 10 + (encrypt ? 1 : 0));
        byte[] constantIv = new byte[16];
        random.nextBytes(constantIv);
        TrackEncryption te = new TrackEncryption(scheme, true, scheme == Scheme.CBCS ? 0 : 16, new byte[16], constantIv, crypt, skip);
        SampleCipher bulk = new SampleCipher(te, KEY, encrypt, tail);
        for (int round = 0; round < 60; round++) {
            int size = round % 5 == 0 ? 3 * SampleCipher.PIECE + random.nextInt(5000) : 1 + random.nextInt(4000);
            byte[] sample = new byte[size + 20];
            random.nextBytes(sample);
            byte[] iv = new byte[scheme == Scheme.CBCS ? 0 : round % 2 == 0 ? 8 : 16];
            random.nextBytes(iv);
            if (round % 7 == 1 && iv.length == 16) {
                Arrays.fill(iv, 8, 16, (byte) 0xff); // the counter carries out of its low 64 bits inside the sample
            }
            SampleEncryption enc = round % 3 == 0 ? new SampleEncryption(iv, null, null) : randomMap(iv, size, random);
            byte[] sampleIv = iv.length > 0 ? iv : constantIv;
            byte[] expected = sample.clone();
            reference(scheme, crypt, skip, encrypt, tail, expected, 10, size, enc, sampleIv);
            byte[] actual = sample.clone();
            bulk.apply(actual, 10, size, enc, sampleIv);
            assertArrayEquals(expected, actual, "round " + round + ", " + size + " bytes");
            if (size > 400) {
                assertFalse(Arrays.equals(sample, actual), "nothing was transformed in round " + round);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void subsampleSizesBeyondTheSampleAreRefused() throws Exception {
        TrackEncryption te = new TrackEncryption(Scheme.CENC, true, 8, new byte[16], new byte[0], 0, 0);
        SampleCipher c = new SampleCipher(te, KEY, true, PatternTail.ENCRYPTED);
        SampleEncryption enc = new SampleEncryption(new byte[8], new int[] {10, 5}, new int[] {100, 1000});
        CencFormatException e = assertThrows(CencFormatException.class, () -> c.apply(new byte[2000], 0, 1000, enc, enc.iv()));
        assertEquals("sample: subsample sizes (1115) exceed the sample size (1000)", e.getMessage());
    }

    private static SampleEncryption randomMap(byte[] iv, int size, SplittableRandom random) {
        List<int[]> entries = new ArrayList<>();
        int left = size;
        while (left > 0 && entries.size() < 8) {
            int clear = Math.min(left, random.nextInt(200));
            int prot = Math.min(left - clear, random.nextInt(2 * SampleCipher.PIECE));
            entries.add(new int[] {clear, prot});
            left -= clear + prot;
        }
        if (entries.isEmpty()) {
            entries.add(new int[] {0, 0});
        }
        return new SampleEncryption(iv, entries.stream().mapToInt(e -> e[0]).toArray(), entries.stream().mapToInt(e -> e[1]).toArray());
    }

    /** ISO/IEC 23001-7 §9-10 on single AES blocks. */
    static void reference(Scheme scheme, int crypt, int skip, boolean encrypt, PatternTail tail, byte[] buf, int off, int len,
                          SampleEncryption enc, byte[] iv) throws Exception {
        Cipher aes = Cipher.getInstance("AES/ECB/NoPadding");
        Cipher aesDecrypt = Cipher.getInstance("AES/ECB/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(KEY, "AES"));
        aesDecrypt.init(Cipher.DECRYPT_MODE, new SecretKeySpec(KEY, "AES"));
        boolean noPattern = crypt == 0 && skip == 0;
        int c = noPattern ? 1 : crypt;
        int s = noPattern ? 0 : skip;
        int[] clear = enc.hasSubsamples() ? enc.clear() : new int[] {0};
        int[] prot = enc.hasSubsamples() ? enc.protectedBytes() : new int[] {len};
        byte[] counter = Arrays.copyOf(iv, 16);
        byte[] keystream = new byte[16];
        int used = 16;
        byte[] chain = Arrays.copyOf(iv, 16);
        int pos = off;
        for (int i = 0; i < clear.length; i++) {
            pos += clear[i];
            int end = pos + prot[i];
            if (scheme == Scheme.CBCS) {
                chain = Arrays.copyOf(iv, 16);
            }
            List<int[]> blocks = new ArrayList<>(); // [start, length] of each range to transform, in order
            if (scheme == Scheme.CENC) {
                blocks.add(new int[] {pos, end - pos});
            } else if (scheme == Scheme.CBC1) {
                for (int b = pos; end - b >= 16; b += 16) {
                    blocks.add(new int[] {b, 16});
                }
            } else {
                for (int b = pos; end - b >= 16; ) {
                    int whole = Math.min(c, (end - b) / 16);
                    if (whole < c && tail == PatternTail.CLEAR) {
                        break;
                    }
                    for (int k = 0; k < whole; k++) {
                        blocks.add(new int[] {b + 16 * k, 16});
                    }
                    b += 16 * (whole + s);
                }
            }
            for (int[] r : blocks) {
                if (!scheme.cbc()) {
                    for (int k = r[0]; k < r[0] + r[1]; k++) {
                        if (used == 16) {
                            aes.doFinal(counter, 0, 16, keystream, 0);
                            for (int j = 15; j >= 0 && ++counter[j] == 0; j--) {
                                // carry
                            }
                            used = 0;
                        }
                        buf[k] ^= keystream[used++];
                    }
                } else if (encrypt) {
                    for (int j = 0; j < 16; j++) {
                        buf[r[0] + j] ^= chain[j];
                    }
                    aes.doFinal(buf, r[0], 16, buf, r[0]);
                    chain = Arrays.copyOfRange(buf, r[0], r[0] + 16);
                } else {
                    byte[] cipherText = Arrays.copyOfRange(buf, r[0], r[0] + 16);
                    aesDecrypt.doFinal(buf, r[0], 16, buf, r[0]);
                    for (int j = 0; j < 16; j++) {
                        buf[r[0] + j] ^= chain[j];
                    }
                    chain = cipherText;
                }
            }
            pos = end;
        }
    }

    private static byte[] hex(String s) {
        return java.util.HexFormat.of().parseHex(s);
    }
}
