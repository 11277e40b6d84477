package org.reeltrace.drm.seal;

import org.reeltrace.drm.DrmException;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * One pass over an rtseal payload on every core. The payload is cut into blocks of
 * {@link #CHUNKS_PER_BLOCK} STREAM chunks; lane k of n takes blocks k, k+n, k+2n, ... and reads,
 * encrypts or decrypts and writes them with positional I/O, so blocks need no ordering. Only the
 * plaintext SHA-256 is sequential: each lane hashes its block when the block before it has been
 * hashed, so while one lane hashes the other lanes run AES-GCM and I/O. Memory is two 1 MiB
 * buffers per lane, whatever the file size.
 *
 * <p>If a block fails, lanes still finish the blocks before it, so the failure reported is the
 * first one in file order, as a sequential pass would report it.
 */
final class ParallelPayload {
    /** Chunks per block: 1 MiB of plaintext per read or write call. */
    static final int CHUNKS_PER_BLOCK = 16;
    static final int PLAIN_BLOCK = PayloadCipher.CHUNK * CHUNKS_PER_BLOCK;
    static final int SEALED_BLOCK = (PayloadCipher.CHUNK + PayloadCipher.TAG) * CHUNKS_PER_BLOCK;
    private static final int MAX_LANES = 4;

    /** What one lane does with one block; returns how many bytes of {@link Lane#plain} hold the block's plaintext. */
    interface BlockStep {
        int run(long block, Lane lane) throws IOException, GeneralSecurityException, DrmException;
    }

    /** A lane's own cipher and buffers (Cipher instances are not thread-safe). */
    static final class Lane {
        final PayloadCipher cipher;
        final byte[] plain = new byte[PLAIN_BLOCK];
        final byte[] sealed = new byte[SEALED_BLOCK];

        Lane(byte[] payloadKey) throws GeneralSecurityException {
            this.cipher = new PayloadCipher(payloadKey);
        }
    }

    private final MessageDigest sha;
    private final long blocks;
    private long nextToHash;
    private long firstFailedBlock = Long.MAX_VALUE;
    private Exception failure;

    private ParallelPayload(long blocks) {
        try {
            this.sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        this.blocks = blocks;
    }

    static long blocks(long chunks) {
        return (chunks + CHUNKS_PER_BLOCK - 1) / CHUNKS_PER_BLOCK;
    }

    /** Runs {@code step} over every block of a payload of {@code chunks} chunks; returns the plaintext SHA-256. */
    static byte[] run(long chunks, byte[] payloadKey, BlockStep step) throws IOException, GeneralSecurityException, DrmException {
        long blocks = blocks(chunks);
        int lanes = (int) Math.max(1, Math.min(Math.min(MAX_LANES, Runtime.getRuntime().availableProcessors()), blocks));
        ParallelPayload pass = new ParallelPayload(blocks);
        List<Thread> helpers = new ArrayList<>();
        for (int k = 1; k < lanes; k++) {
            int lane = k;
            Lane buffers = new Lane(payloadKey);
            Thread t = new Thread(() -> pass.runLane(lane, lanes, buffers, step), "rtseal-lane-" + k);
            t.setDaemon(true);
            helpers.add(t);
            t.start();
        }
        pass.runLane(0, lanes, new Lane(payloadKey), step);
        boolean interrupted = false;
        for (Thread t : helpers) {
            while (true) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return pass.result();
    }

    private void runLane(int lane, int lanes, Lane buffers, BlockStep step) {
        for (long block = lane; block < blocks && !failedBefore(block); block += lanes) {
            try {
                int plainBytes = step.run(block, buffers);
                if (!awaitTurn(block)) {
                    return;
                }
                sha.update(buffers.plain, 0, plainBytes);
                passTurn(block);
            } catch (Exception | Error e) {
                fail(block, e);
                return;
            }
        }
    }

    private synchronized boolean failedBefore(long block) {
        return block > firstFailedBlock;
    }

    /** Waits until every block before {@code block} is hashed; false if an earlier block failed. */
    private synchronized boolean awaitTurn(long block) throws InterruptedException {
        while (nextToHash != block) {
            if (firstFailedBlock < block) {
                return false;
            }
            wait();
        }
        return true;
    }

    private synchronized void passTurn(long block) {
        nextToHash = block + 1;
        notifyAll();
    }

    private synchronized void fail(long block, Throwable e) {
        if (block < firstFailedBlock) {
            firstFailedBlock = block;
            failure = e instanceof Exception x ? x : new IllegalStateException("payload lane failed", e);
        }
        notifyAll();
    }

    private synchronized byte[] result() throws IOException, GeneralSecurityException, DrmException {
        if (failure != null) {
            switch (failure) {
                case DrmException e -> throw e;
                case IOException e -> throw e;
                case GeneralSecurityException e -> throw e;
                case RuntimeException e -> throw e;
                default -> throw new IllegalStateException(failure);
            }
        }
        if (nextToHash != blocks) {
            throw new IllegalStateException("payload pass ended after " + nextToHash + " of " + blocks + " blocks");
        }
        return sha.digest();
    }
}
