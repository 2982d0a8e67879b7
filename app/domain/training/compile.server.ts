import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { bundleMDX } from "mdx-bundler";
import remarkGfm from "remark-gfm";
import { readEnv } from "~/lib/env.server";
import { LruCache } from "~/lib/lru";
import { contentHash } from "./content-check";
import { type TransformOptions, remarkTrainingLesson } from "./mdx-tree";

/**
 * Lessons compiled with mdx-bundler on the server. The output is cached by a hash of the source
 * and the compile options, in memory and on disk (`MDX_CACHE_DIR`, default .cache/mdx), so a
 * lesson page compiles once per content version — across restarts too — and an edited file gets
 * a new hash and is compiled again.
 */
export interface CompiledMdx {
  code: string;
}

/** Bump when the plugin or the compile options change, so old cache entries are not reused. */
const COMPILER_VERSION = "training-mdx-1";
/**
 * Compiled lessons kept in memory: a few hundred is every lesson of a large catalog, while an
 * author editing all day (a new hash per save) can't grow the process without limit. The disk
 * cache keeps the rest.
 */
const MEMORY_CACHE_ENTRIES = 500;
const memory = new LruCache<string, CompiledMdx>(MEMORY_CACHE_ENTRIES);
let compiles = 0;

function cacheDir(): string {
  return resolve(readEnv("MDX_CACHE_DIR"));
}

/** What a compile depends on; the language keeps a translation's entry apart from the lesson's. */
export interface CompileOptions extends TransformOptions {
  cwd: string;
  /** The language the source is written in (default en). */
  locale?: string;
}

export function compileKey(source: string, options: TransformOptions & { locale?: string }): string {
  return contentHash(`${COMPILER_VERSION}\n${options.locale ?? "en"}\n${options.basePath}\n${source}`);
}

/** How many times the compiler actually ran in this process (for tests and the bench). */
export function compileCount(): number {
  return compiles;
}

export function clearMemoryCache(): void {
  memory.clear();
}

function readDisk(key: string): CompiledMdx | null {
  const path = join(cacheDir(), `${key}.json`);
  if (!existsSync(path)) return null;
  try {
    const parsed = JSON.parse(readFileSync(path, "utf8")) as Partial<CompiledMdx>;
    return typeof parsed.code === "string" ? { code: parsed.code } : null;
  } catch {
    return null; // A damaged cache file is compiled again and overwritten.
  }
}

function writeDisk(key: string, compiled: CompiledMdx): void {
  try {
    const dir = cacheDir();
    mkdirSync(dir, { recursive: true });
    const temporary = join(dir, `${key}.${process.pid}.tmp`);
    writeFileSync(temporary, JSON.stringify(compiled));
    renameSync(temporary, join(dir, `${key}.json`));
  } catch {
    // The disk cache is an optimisation; a read-only disk still serves from memory.
  }
}

export async function compileLesson(source: string, options: CompileOptions): Promise<CompiledMdx> {
  const key = compileKey(source, options);
  const cached = memory.get(key) ?? readDisk(key);
  if (cached) {
    memory.set(key, cached);
    return cached;
  }
  compiles += 1;
  const result = await bundleMDX({
    source,
    cwd: resolve(options.cwd),
    mdxOptions(mdx) {
      mdx.remarkPlugins = [
        ...(mdx.remarkPlugins ?? []),
        remarkGfm,
        [remarkTrainingLesson, { basePath: options.basePath }],
      ];
      return mdx;
    },
  });
  const compiled = { code: result.code };
  memory.set(key, compiled);
  writeDisk(key, compiled);
  return compiled;
}
