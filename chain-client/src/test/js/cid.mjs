// Prints the CIDv1 that ipfs add --cid-version=1 gives each file named on the command line
// (UnixFS, 256 KiB fixed chunks, raw leaves, balanced DAG with 174 links), one "CID<TAB>path" line each,
// computed by ipfs-unixfs-importer, the importer behind js-ipfs/Helia's add.
import { importer } from 'ipfs-unixfs-importer';
import { fixedSize } from 'ipfs-unixfs-importer/chunker';
import { balanced } from 'ipfs-unixfs-importer/layout';
import { MemoryBlockstore } from 'blockstore-core/memory';
import { createReadStream } from 'node:fs';

const blockstore = new MemoryBlockstore();
for (const path of process.argv.slice(2)) {
  const options = {
    cidVersion: 1,
    rawLeaves: true,
    reduceSingleLeafToSelf: true,
    chunker: fixedSize({ chunkSize: 262144 }),
    layout: balanced({ maxChildrenPerNode: 174 }),
    wrapWithDirectory: false,
  };
  let last;
  for await (const entry of importer([{ content: createReadStream(path) }], blockstore, options)) {
    last = entry;
  }
  console.log(`${last.cid.toString()}\t${path}`);
}
