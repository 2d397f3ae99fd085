// node asyncapi-parse.cjs <node_modules folder> <document.json>...
// Parses each AsyncAPI document with the real parser (@asyncapi/parser) and prints one JSON line:
// {"file": ..., "errors": [...]} per document, errors being the diagnostics of severity error.
'use strict';
const fs = require('fs');
const path = require('path');

async function main() {
  const [modules, ...files] = process.argv.slice(2);
  const { Parser } = require(path.join(modules, '@asyncapi', 'parser'));
  const parser = new Parser();
  for (const file of files) {
    const { document, diagnostics } = await parser.parse(fs.readFileSync(file, 'utf8'));
    const errors = diagnostics
      .filter(d => d.severity === 0)
      .map(d => `${d.code} at ${(d.path || []).join('/')}: ${d.message}`);
    if (!document && errors.length === 0) {
      errors.push('the parser returned no document');
    }
    console.log(JSON.stringify({ file, errors, channels: document ? document.channels().length : 0 }));
  }
}

main().catch(error => { console.error(error); process.exit(2); });
