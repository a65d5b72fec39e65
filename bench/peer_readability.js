#!/usr/bin/env node
// Speed peer: Readability.js (@mozilla/readability) on linkedom's DOM.
// Loops over the .html files of a folder in this one process, parsing and
// extracting each, and writes the texts as AEB JSON ({id: {articleBody}}).
// Prints one JSON line: {"tool", "pages", "bytes", "seconds", "failed"};
// seconds is the loop alone (no interpreter or module start-up).
// Usage: node peer_readability.js HTML_DIR OUT.json
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { Readability } = require('@mozilla/readability');
const { parseHTML } = require('linkedom');

const [dir, outPath] = process.argv.slice(2);
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.html')).sort();
const output = {};
let bytes = 0;
let failed = 0;

const start = process.hrtime.bigint();
for (const name of files) {
  const buf = fs.readFileSync(path.join(dir, name));
  bytes += buf.length;
  let text = '';
  try {
    const { document } = parseHTML(buf.toString('utf8'));
    const article = new Readability(document).parse();
    text = (article && article.textContent) || '';
  } catch (e) {
    failed += 1;
  }
  output[name.replace(/\.html$/, '')] = { articleBody: text };
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;

fs.writeFileSync(outPath, JSON.stringify(output));
console.log(JSON.stringify({ tool: 'Readability.js+linkedom', pages: files.length, bytes, seconds, failed }));
