// Validates FHIR R4 JSON files against the core specification with FHIR.js (npm "fhir"), which
// knows nothing of IgAdvisor's reader: an independent check that the bundles the tests and
// examples use are real R4. Terminology warnings (codes outside example value sets) are counted,
// not failed. Prints one line per file and exits 1 when any file has an error.
'use strict';
const fs = require('fs');
const Fhir = require('fhir').Fhir;

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node validate.js FILE.json...');
  process.exit(2);
}
const fhir = new Fhir();
let invalid = 0;
for (const file of files) {
  let resource;
  try {
    resource = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    console.log(`INVALID ${file}: not JSON: ${e.message}`);
    invalid++;
    continue;
  }
  const result = fhir.validate(resource, { errorOnUnexpected: true });
  const errors = result.messages.filter(m => m.severity === 'error');
  const warnings = result.messages.filter(m => m.severity === 'warning');
  if (!result.valid || errors.length > 0) {
    invalid++;
    console.log(`INVALID ${file}`);
    for (const m of errors) console.log(`  ${m.location}: ${m.message}`);
  } else {
    console.log(`valid ${file} (${warnings.length} terminology warning(s))`);
  }
}
console.log(`${files.length - invalid} valid, ${invalid} invalid`);
process.exit(invalid > 0 ? 1 : 0);
