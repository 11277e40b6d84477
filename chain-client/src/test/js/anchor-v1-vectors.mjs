// Independent reference for docs/spec/anchor-v1.md, written from the spec with js-sha3 (no
// reeltrace code): leaves of a few items, Merkle roots and proofs of batches of 1..7 and 33
// leaves. Usage: node anchor-v1-vectors.mjs > ../resources/anchor-v1-vectors.json
import sha3 from 'js-sha3';
import { createHash } from 'node:crypto';

const keccak = (bytes) => Buffer.from(sha3.keccak256.arrayBuffer(bytes));
const DOMAIN = Buffer.from('reeltrace/anchor/v1', 'ascii');

function leaf(kind, algorithm, digest) {
  const k = Buffer.from(kind, 'ascii');
  const a = Buffer.from(algorithm, 'ascii');
  return keccak(Buffer.concat([Buffer.from([0x00]), DOMAIN, Buffer.from([k.length]), k,
    Buffer.from([a.length]), a, Buffer.from([digest.length]), digest]));
}

function node(x, y) {
  const [lo, hi] = Buffer.compare(x, y) <= 0 ? [x, y] : [y, x];
  return keccak(Buffer.concat([Buffer.from([0x01]), lo, hi]));
}

function tree(leaves) {
  const levels = [leaves];
  while (levels.at(-1).length > 1) {
    const l = levels.at(-1);
    const up = [];
    for (let i = 0; i < l.length; i += 2) up.push(i + 1 < l.length ? node(l[i], l[i + 1]) : l[i]);
    levels.push(up);
  }
  return levels;
}

function proof(levels, index) {
  const p = [];
  let i = index;
  for (let k = 0; k < levels.length - 1; k++) {
    const s = i ^ 1;
    if (s < levels[k].length) p.push(levels[k][s]);
    i >>= 1;
  }
  return p;
}

const hex = (b) => '0x' + b.toString('hex');
const sha256 = (s) => createHash('sha256').update(s).digest();

// item i of a batch: the file whose bytes are "item-<i>"
const items = [];
for (let i = 0; i < 33; i++) {
  const d = sha256(`item-${i}`);
  items.push({ name: `item-${i}`, kind: 'file', algorithm: 'sha-256', digest: d.toString('hex'), leaf: hex(leaf('file', 'sha-256', d)) });
}
const other = { name: 'fp', kind: 'fingerprint', algorithm: 'keccak-256', digest: keccak(Buffer.from('fp')).toString('hex') };
other.leaf = hex(leaf(other.kind, other.algorithm, Buffer.from(other.digest, 'hex')));

const batches = [];
for (const n of [1, 2, 3, 4, 5, 6, 7, 33]) {
  const levels = tree(items.slice(0, n).map((it) => Buffer.from(it.leaf.slice(2), 'hex')));
  batches.push({ leaves: n, root: hex(levels.at(-1)[0]), proofs: [...Array(n).keys()].map((i) => proof(levels, i).map(hex)) });
}
console.log(JSON.stringify({ spec: 'reeltrace-anchor/1', items: [...items, other], batches }, null, 1));
