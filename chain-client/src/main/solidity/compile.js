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
