// Writes the CID test vectors: for each size, a file of the anchor-v1 test pattern
// (byte i = high byte of imul(i ^ (i >>> 7) ^ (i >>> 13), 0x9E3779B1)), and the CID that
// ipfs-unixfs-importer gives it with ipfs add --cid-version=1 settings.
// Usage: node cid-vectors.mjs OUT.tsv [SIZE...]   (CidTest regenerates the same files in Java)
import { importer } from 'ipfs-unixfs-importer';
import { fixedSize } from 'ipfs-unixfs-importer/chunker';
import { balanced } from 'ipfs-unixfs-importer/layout';
import { MemoryBlockstore } from 'blockstore-core/memory';
import { writeFileSync } from 'node:fs';

const CHUNK = 262144;
const DEFAULT_SIZES = [0, 1, 1000, CHUNK - 1, CHUNK, CHUNK + 1, 174 * CHUNK, 174 * CHUNK + 1, 175 * CHUNK + 12345];

function* pattern(size) {
  const block = 1 << 20;
  for (let start = 0; start < size; start += block) {
    const n = Math.min(block, size - start);
    const b = new Uint8Array(n);
    for (let k = 0; k < n; k++) {
      const i = start + k;
      b[k] = Math.imul(i ^ (i >>> 7) ^ (i >>> 13), 0x9E3779B1) >>> 24;
    }
    yield b;
  }
}

async function cidOf(size) {
  const options = {
    cidVersion: 1,
    rawLeaves: true,
    reduceSingleLeafToSelf: true,
    chunker: fixedSize({ chunkSize: CHUNK }),
    layout: balanced({ maxChildrenPerNode: 174 }),
    wrapWithDirectory: false,
  };
  let last;
  for await (const entry of importer([{ content: pattern(size) }], new MemoryBlockstore(), options)) {
    last = entry;
  }
  return last.cid.toString();
}

const [out, ...sizeArgs] = process.argv.slice(2);
const sizes = sizeArgs.length ? sizeArgs.map(Number) : DEFAULT_SIZES;
let tsv = '# size\tcid (ipfs-unixfs-importer, cidVersion 1, rawLeaves, 262144-byte chunks, balanced 174)\n';
for (const size of sizes) tsv += `${size}\t${await cidOf(size)}\n`;
writeFileSync(out, tsv);
process.stdout.write(tsv);
