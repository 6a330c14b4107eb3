import { describe, expect, it } from 'vitest';
import { yamlSyntaxErrors } from './yamlcheck';

describe('yamlSyntaxErrors', () => {
  it('finds nothing in valid YAML', () => {
    expect(yamlSyntaxErrors('id: standard\nsections:\n  - name: Opening\n')).toEqual([]);
  });

  it('names the line of a broken indent', () => {
    const errs = yamlSyntaxErrors('sections:\n  - name: Opening\n    points: 10\n   critical: true\n');
    expect(errs.length).toBeGreaterThan(0);
    expect(errs[0].line).toBe(4);
    expect(errs[0].message).toMatch(/^line 4: /);
  });

  it('reports a key given twice', () => {
    const errs = yamlSyntaxErrors('id: a\nid: b\n');
    expect(errs.map((e) => e.line)).toEqual([2]);
  });
});
