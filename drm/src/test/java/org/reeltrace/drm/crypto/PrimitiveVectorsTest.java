package org.reeltrace.drm.crypto;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.generators.SCrypt;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.junit.jupiter.api.Test;
import org.reeltrace.drm.keys.IssuerKey;
import org.reeltrace.drm.keys.IssuerPublicKey;
import org.reeltrace.drm.keys.RecipientKey;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Published test vectors for every primitive reeltrace's drm module uses, through the code paths it uses. */
class PrimitiveVectorsTest {
    private static final HexFormat HEX = HexFormat.of();

    private static byte[] h(String hex) {
        return HEX.parseHex(hex.replace(" ", ""));
    }

    @Test
    void x25519Rfc7748Section6_1() {
        RecipientKey alice = new RecipientKey(h("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"));
        RecipientKey bob = new RecipientKey(h("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb"));
        assertEquals("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a", HEX.formatHex(alice.publicKey().bytes()));
        assertEquals("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f", HEX.formatHex(bob.publicKey().bytes()));
        String shared = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";
        assertEquals(shared, HEX.formatHex(alice.agree(bob.publicKey().bytes()).orElseThrow()));
        assertEquals(shared, HEX.formatHex(bob.agree(alice.publicKey().bytes()).orElseThrow()));
        // a low-order point gives the all-zero secret, which must be refused
        assertTrue(alice.agree(new byte[32]).isEmpty());
    }

    @Test
    void ed25519Rfc8032Tests1And2() {
        IssuerKey t1 = new IssuerKey(h("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
        assertEquals("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", HEX.formatHex(t1.publicKey().bytes()));
        byte[] sig1 = t1.sign(new byte[0]);
        assertEquals("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
                HEX.formatHex(sig1));
        IssuerKey t2 = new IssuerKey(h("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb"));
        IssuerPublicKey p2 = t2.publicKey();
        assertEquals("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", HEX.formatHex(p2.bytes()));
        byte[] sig2 = h("92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00");
        assertArrayEquals(sig2, t2.sign(h("72")));
        assertTrue(p2.verify(h("72"), sig2));
        assertFalse(p2.verify(h("73"), sig2));
    }

    @Test
    void hkdfSha256Rfc5869Case1() {
        HKDFBytesGenerator g = new HKDFBytesGenerator(new SHA256Digest());
        g.init(new HKDFParameters(h("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"), h("000102030405060708090a0b0c"), h("f0f1f2f3f4f5f6f7f8f9")));
        byte[] okm = new byte[42];
        g.generateBytes(okm, 0, okm.length);
        assertEquals("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865", HEX.formatHex(okm));
        assertArrayEquals(okm, Hkdf.sha256(h("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"), h("000102030405060708090a0b0c"),
                h("f0f1f2f3f4f5f6f7f8f9"), 42));
    }

    @Test
    void aes256GcmMcGrewViegaCases14And16() throws Exception {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(new byte[32], "AES"), new GCMParameterSpec(128, new byte[12]));
        assertEquals("cea7403d4d606b6e074ec5d3baf39d18" + "d0d1c8a799996bf0265b98b5d48ab919", HEX.formatHex(c.doFinal(new byte[16])));
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(h("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308"), "AES"),
                new GCMParameterSpec(128, h("cafebabefacedbaddecaf888")));
        c.updateAAD(h("feedfacedeadbeeffeedfacedeadbeefabaddad2"));
        byte[] out = c.doFinal(h("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39"));
        assertEquals("522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662"
                + "76fc6ece0f4e1768cddf8853bb2d551b", HEX.formatHex(out));
    }

    @Test
    void aes128CtrAndCbcSp800_38a() throws Exception {
        SecretKeySpec k = new SecretKeySpec(h("2b7e151628aed2a6abf7158809cf4f3c"), "AES");
        Cipher ctr = Cipher.getInstance("AES/CTR/NoPadding");
        ctr.init(Cipher.ENCRYPT_MODE, k, new IvParameterSpec(h("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff")));
        assertEquals("874d6191b620e3261bef6864990db6ce", HEX.formatHex(ctr.doFinal(h("6bc1bee22e409f96e93d7e117393172a"))));
        Cipher cbc = Cipher.getInstance("AES/CBC/NoPadding");
        cbc.init(Cipher.ENCRYPT_MODE, k, new IvParameterSpec(h("000102030405060708090a0b0c0d0e0f")));
        assertEquals("7649abac8119b246cee98e9b12e9197d", HEX.formatHex(cbc.doFinal(h("6bc1bee22e409f96e93d7e117393172a"))));
    }

    @Test
    void scryptRfc7914Section12() {
        assertEquals("77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906",
                HEX.formatHex(SCrypt.generate(new byte[0], new byte[0], 16, 1, 1, 64)));
        assertEquals("fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640",
                HEX.formatHex(SCrypt.generate("password".getBytes(StandardCharsets.US_ASCII), "NaCl".getBytes(StandardCharsets.US_ASCII), 1024, 8, 16, 64)));
    }
}
