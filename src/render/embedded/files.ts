/**
 * `.Files` (helm-render-spec.md §6.5): Go's `engine.files`, a `map[string][]byte` of the chart's non-template files
 * with the methods Get, GetBytes, Glob, Lines, AsConfig and AsSecrets. It holds only what the chart loader put in
 * `Chart.files`, so a template can never read outside its chart.
 */
import { posix } from 'node:path';
import {
  GoBytes,
  GoFuncError,
  GoList,
  GoMap,
  GoObject,
  type GoFuncSpec,
  type GoValue,
} from '../../values/model.js';
import { formatValue } from '../../template/fmt.js';
import { emitYamlV2 } from '../../template/helm/yaml-emit-v2.js';
import type { MapBackedObject } from '../../template/index.js';
import { goString } from '../../values/go-string.js';
import { compileGlob, GlobSyntaxError } from './glob.js';

/** Helm's `engine.files`. */
export class ChartFilesObject extends GoObject implements MapBackedObject {
  readonly goType = 'engine.files';
  private map: GoMap | undefined;

  /** `files` maps chart-relative paths to their bytes. */
  constructor(private readonly files: ReadonlyMap<string, Uint8Array>) {
    super();
  }

  /** The map range, len, index and field syntax see (keys sorted when ranged, as Go ranges maps). */
  asGoMap(): GoMap {
    if (!this.map) {
      const m = new GoMap();
      for (const [name, data] of this.files) m.set(name, new GoBytes(data));
      this.map = m;
    }
    return this.map;
  }

  /** Elements are `[]byte`: a missing key reads as an empty one (`.Files.Foo` prints `[]`). */
  mapElemZero(): GoValue {
    return new GoBytes(new Uint8Array());
  }

  override method(name: string): GoFuncSpec | undefined {
    switch (name) {
      case 'Get':
        return { params: ['string'], result: 'string', call: (_c, p) => this.get(p as string) };
      case 'GetBytes':
        return {
          params: ['string'],
          result: '[]uint8',
          call: (_c, p) => new GoBytes(this.files.get(p as string) ?? new Uint8Array()),
        };
      case 'Glob':
        return { params: ['string'], result: 'engine.files', call: (_c, p) => this.glob(p as string) };
      case 'Lines':
        return { params: ['string'], result: '[]string', call: (_c, p) => this.lines(p as string) };
      case 'AsConfig':
        return { params: [], result: 'string', call: () => this.asConfig(false) };
      case 'AsSecrets':
        return { params: [], result: 'string', call: () => this.asConfig(true) };
    }
    return undefined;
  }

  formatV(): string {
    return formatValue(this.asGoMap());
  }

  /** encoding/json of a `map[string][]byte`: base64 strings, sorted keys. */
  toJsonValue(): GoValue {
    return this.asGoMap();
  }

  private get(path: string): string {
    const data = this.files.get(path);
    return data ? goString(data) : '';
  }

  private glob(pattern: string): ChartFilesObject {
    let re: RegExp;
    try {
      re = compileGlob(pattern);
    } catch (e) {
      if (!(e instanceof GlobSyntaxError)) throw e;
      // Helm falls back to `**` (everything) when the pattern does not compile.
      re = /^.*$/su;
    }
    const out = new Map<string, Uint8Array>();
    for (const [name, data] of this.files) if (re.test(name)) out.set(name, data);
    return new ChartFilesObject(out);
  }

  private lines(path: string): GoList {
    const data = this.files.get(path);
    if (!data) return new GoList([], '[]string');
    // Helm indexes the last byte without checking the length, so an empty file panics.
    if (data.length === 0) throw new GoFuncError('runtime error: index out of range [-1]');
    let s = goString(data);
    if (s.endsWith('\n')) s = s.slice(0, -1);
    return new GoList(s.split('\n'), '[]string');
  }

  /** `AsConfig`/`AsSecrets`: toYaml of base name → content (base64 for secrets); later duplicates win. */
  private asConfig(secrets: boolean): string {
    const m = new GoMap();
    const names = [...this.files.keys()].sort();
    for (const name of names) {
      const data = this.files.get(name) ?? new Uint8Array();
      m.set(posix.basename(name), secrets ? Buffer.from(data).toString('base64') : goString(data));
    }
    return emitYamlV2(m);
  }
}
