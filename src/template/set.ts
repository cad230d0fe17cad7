/**
 * A set of parsed templates sharing one namespace, as Helm builds it (helm-render-spec.md §7.2): every file and
 * every `define`/`block` is a template; a later definition replaces an earlier one unless its body is empty.
 */
import { BUILTIN_NAMES } from './builtins.js';
import { RENDER_FUNC_NAMES } from './helm-funcs.js';
import { isEmptyTree, type Tree } from './parse/node.js';
import { parse } from './parse/parse.js';

/** Options of a {@link TemplateSet}. */
export interface TemplateSetOptions {
  /**
   * Names of the functions templates may call besides Go's builtins and the render-time Helm functions
   * (`include`, `tpl`, `required`, `fail`, `lookup`, `getHostByName`), which are always known. Parsing rejects
   * any other identifier with `function "x" not defined`.
   */
  funcNames?: Iterable<string>;
  leftDelim?: string;
  rightDelim?: string;
}

/** Parsed templates by name, with Helm's precedence rules. Parse each chart once and execute it many times. */
export class TemplateSet {
  private readonly trees: Map<string, Tree>;
  private readonly funcs: ReadonlySet<string>;
  private readonly leftDelim: string | undefined;
  private readonly rightDelim: string | undefined;

  constructor(options: TemplateSetOptions = {}, trees?: Map<string, Tree>) {
    this.funcs = new Set([...BUILTIN_NAMES, ...RENDER_FUNC_NAMES, ...(options.funcNames ?? [])]);
    this.leftDelim = options.leftDelim;
    this.rightDelim = options.rightDelim;
    this.trees = trees ?? new Map();
  }

  /**
   * Parses `text` as the file `name` and adds its templates. Throws TemplateParseError (nothing is added then).
   * Returns the file's own tree, which is what executing `name` runs unless a later `define` replaces it.
   */
  add(name: string, text: string): Tree {
    const parsed = parse(name, text, {
      funcs: this.funcs,
      leftDelim: this.leftDelim,
      rightDelim: this.rightDelim,
    });
    for (const [n, tree] of parsed) this.associate(n, tree);
    return parsed.get(name) as Tree;
  }

  /** Go's `associate`: an empty redefinition does not replace an existing template. */
  private associate(name: string, tree: Tree): void {
    const old = this.trees.get(name);
    if (old && isEmptyTree(tree.root)) return;
    this.trees.set(name, tree);
  }

  /** The template of that name (a file path or a define), if any. */
  lookup(name: string): Tree | undefined {
    return this.trees.get(name);
  }

  /** Names of all templates, sorted. */
  names(): string[] {
    return [...this.trees.keys()].sort();
  }

  /** Whether `name` is a function templates of this set may call. */
  hasFunction(name: string): boolean {
    return this.funcs.has(name);
  }

  /** A copy sharing the parsed trees; additions to the copy do not affect this set (as `tpl` needs). */
  clone(): TemplateSet {
    return new TemplateSet(
      { funcNames: this.funcs, leftDelim: this.leftDelim, rightDelim: this.rightDelim },
      new Map(this.trees),
    );
  }
}

/**
 * Helm's parse and execution order of template files (§7.2, §7.3): more `/` first, then by name descending,
 * byte-wise. Later definitions win, so the shallowest, lexically smallest file's `define` is the one used.
 */
export function helmParseOrder(names: Iterable<string>): string[] {
  const depth = (s: string): number => s.split('/').length;
  return [...names].sort((a, b) => {
    const d = depth(b) - depth(a);
    if (d !== 0) return d;
    return Buffer.compare(Buffer.from(b), Buffer.from(a));
  });
}
