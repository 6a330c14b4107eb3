// A syntax check of YAML in the browser, so a trainer sees a broken indent at once; the server
// checks the meaning (known check ids, points) when previewing or publishing.

import { parseDocument } from 'yaml';

export interface LineError {
  line: number;
  message: string;
}

export function yamlSyntaxErrors(text: string): LineError[] {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  return doc.errors.map((e) => ({
    line: e.linePos?.[0]?.line ?? 1,
    message: `line ${e.linePos?.[0]?.line ?? 1}: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`,
  }));
}
