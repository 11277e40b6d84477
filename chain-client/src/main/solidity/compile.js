// Compiles ReeltraceRegistry.sol with the pinned solc (package-lock.json) and an explicit EVM
// target, writing the ABI and bytecode that the Java wrapper is generated from.
// Run: npm ci && node compile.js   (then ./generate-wrapper.sh for the Java wrapper)
'use strict';
const fs = require('fs');
const path = require('path');
const solc = require('solc');

const EVM_VERSION = 'cancun';
const SOURCE = 'ReeltraceRegistry.sol';
const CONTRACT = 'ReeltraceRegistry';
const outDir = path.join(__dirname, '..', 'resources', 'org', 'reeltrace', 'chain', 'contract');

function findImport(name) {
  try {
    return { contents: fs.readFileSync(require.resolve(name), 'utf8') };
  } catch (e) {
    return { error: 'not found: ' + name };
  }
}

function compile(sources) {
  const input = {
    language: 'Solidity',
    sources,
    settings: {
      evmVersion: EVM_VERSION,
      optimizer: { enabled: true, runs: 200 },
      metadata: { bytecodeHash: 'none' },
      outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
    },
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImport }));
  for (const e of output.errors || []) console.error(e.formattedMessage);
  if ((output.errors || []).some((e) => e.severity === 'error')) process.exit(1);
  return output;
}

// Test-only contract: OpenZeppelin's MerkleProof checking anchor-v1 proofs (MerkleProofCheckIT).
const testDir = path.join(__dirname, '..', '..', 'test', 'solidity');
const check = compile({ 'MerkleProofCheck.sol': { content: fs.readFileSync(path.join(testDir, 'MerkleProofCheck.sol'), 'utf8') } })
  .contracts['MerkleProofCheck.sol'].MerkleProofCheck;
fs.writeFileSync(path.join(__dirname, '..', '..', 'test', 'resources', 'MerkleProofCheck.bin'), check.evm.bytecode.object);

const input = {
  language: 'Solidity',
  sources: { [SOURCE]: { content: fs.readFileSync(path.join(__dirname, SOURCE), 'utf8') } },
  settings: {
    evmVersion: EVM_VERSION,
    optimizer: { enabled: true, runs: 200 },
    metadata: { bytecodeHash: 'none' },
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
  },
};
const output = JSON.parse(solc.compile(JSON.stringify(input)));
const errors = (output.errors || []).filter((e) => e.severity === 'error');
for (const e of output.errors || []) console.error(e.formattedMessage);
if (errors.length) process.exit(1);
const c = output.contracts[SOURCE][CONTRACT];
fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(path.join(outDir, CONTRACT + '.abi'), JSON.stringify(c.abi, null, 2) + '\n');
fs.writeFileSync(path.join(outDir, CONTRACT + '.bin'), c.evm.bytecode.object);
console.log(`solc ${solc.version()} evm ${EVM_VERSION}: ${c.evm.bytecode.object.length / 2} bytes -> ${outDir}`);
