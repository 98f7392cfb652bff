import type { MarkdownHeading } from 'astro';

/*
 * An essay as data: the tree its compiled MDX builds, recorded once when the essay is compiled,
 * so that a build renders the essay from that tree (src/site/essay-content.ts) instead of
 * bundling its module. Rolldown spent about 4 s of a cold build of 500 essays on their 500
 * modules, and a rebuild 2.7 s on modules it was handed ready-made; rendering spent 0.8 s more
 * loading their chunks. The tree is the same one the module builds on every render: the calls
 * of Astro's JSX runtime, each with its element's name or its component's, its props and its
 * children, made again in the same order by the page, so the page renders byte for byte as
 * it did from the module.
 *
 * Only what holds as plain data is recorded: an essay whose module imports anything (an image,
 * a site component), or whose props hold anything but plain values, is not, and is bundled
 * as its module, as every essay was before.
 */

/** A call of the JSX runtime, as data: the element's name, or `0` for a fragment, or a component by its name. */
export interface RecordedElement {
  $jsx: [type: string | 0 | { c: string }, props: Record<string, RecordedValue>, key?: string];
}

/** A prop's value or a child: plain JSON, or an element. */
export type RecordedValue = string | number | boolean | null | RecordedValue[] | RecordedElement | { [name: string]: RecordedValue };

/** What a page needs of an essay, as its module would give it. */
export interface EssayData {
  frontmatter: Record<string, unknown>;
  headings: MarkdownHeading[];
  content: RecordedValue;
}

/** Why an essay is bundled as its module rather than rendered from data. */
export class NotRecordable extends Error {}

const ELEMENT = Symbol('recorded element');
const FRAGMENT = Symbol('recorded fragment');

interface Call {
  [ELEMENT]: true;
  type: unknown;
  props: Record<string, unknown>;
  key: unknown;
}

/** The JSX runtime the compiled essay is run with: each call kept as it was made. */
const recorder = {
  Fragment: FRAGMENT,
  jsx: (type: unknown, props: Record<string, unknown> = {}, key?: unknown): Call => ({ [ELEMENT]: true, type, props, key }),
  get jsxs() {
    return this.jsx;
  },
};

/** A component as the compiled essay receives it: a marker with its name. */
class ComponentMarker {
  readonly name: string;
  constructor(name: string) {
    this.name = name;
  }
}

// The compiled module's only import: Astro's JSX runtime (`import { jsx as _jsx, … } from "astro/jsx-runtime";`).
const RUNTIME_IMPORT = /^import\s*\{([^}]*)\}\s*from\s*["']astro\/jsx-runtime["'];?[ \t]*$/gm;

/**
 * The compiled module's code as the body of a function that takes the runtime and returns its
 * content function, frontmatter and headings; NotRecordable for anything else it imports or exports.
 */
function asFunctionBody(code: string): string {
  let body = code.replace(RUNTIME_IMPORT, (_, names: string) => `const {${names.replace(/\bas\b/g, ':')}} = __runtime;`);
  if (/^\s*import[\s{*"']/m.test(body)) throw new NotRecordable('it imports a module');
  body = body.replace(/^export default function MDXContent\b/m, 'function MDXContent');
  body = body.replace(/^export (?=(?:const|let|function) )/gm, '');
  if (/^\s*export\b/m.test(body)) throw new NotRecordable('it exports something other than a declaration');
  return `${body}
return {
  content: MDXContent,
  frontmatter: typeof frontmatter === 'undefined' ? {} : frontmatter,
  headings: typeof getHeadings === 'function' ? getHeadings() : [],
};`;
}

/** The names of the components the compiled essay asks for (`_missingMdxReference("Footnote", true)`). */
function componentNames(code: string): string[] {
  return [...new Set([...code.matchAll(/_missingMdxReference\("([^"]+)", true\)/g)].map((match) => match[1] as string))];
}

/** A value the runtime was called with, as data; NotRecordable for anything that is not plain data. */
function recorded(value: unknown): RecordedValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value === undefined) return null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new NotRecordable(`a prop is ${value}`);
    return value;
  }
  if (Array.isArray(value)) return value.map(recorded);
  if (typeof value === 'object' && ELEMENT in value) {
    const call = value as Call;
    const props: Record<string, RecordedValue> = {};
    for (const [name, prop] of Object.entries(call.props)) props[name] = recorded(prop);
    const element: RecordedElement = { $jsx: [recordedType(call.type), props] };
    if (call.key !== undefined && call.key !== null) element.$jsx.push(String(call.key));
    return element;
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    if ('$jsx' in value) throw new NotRecordable('a prop holds an object with a `$jsx` key');
    const object: Record<string, RecordedValue> = {};
    for (const [name, prop] of Object.entries(value)) object[name] = recorded(prop);
    return object;
  }
  throw new NotRecordable(`a prop holds a ${typeof value === 'object' ? (value.constructor?.name ?? 'object') : typeof value}`);
}

function recordedType(type: unknown): RecordedElement['$jsx'][0] {
  if (typeof type === 'string') return type;
  if (type === FRAGMENT) return 0;
  if (type instanceof ComponentMarker) return { c: type.name };
  throw new NotRecordable('an element is made by a function');
}

/**
 * Runs an essay's compiled MDX (the code @astrojs/mdx's compile gives, before Vite's other
 * transforms) with a runtime that records what it builds. The code runs as it would on every
 * render of the page; the essay checks have already refused anything in it but plain values.
 */
export function recordEssay(code: string): EssayData {
  const body = asFunctionBody(code);
  const run = new Function('__runtime', body) as (runtime: typeof recorder) => {
    content: (props: { components: Record<string, unknown> }) => unknown;
    frontmatter: Record<string, unknown>;
    headings: MarkdownHeading[];
  };
  const module = run(recorder);
  const components: Record<string, unknown> = { Fragment: FRAGMENT };
  for (const name of componentNames(code)) components[name] ??= new ComponentMarker(name);
  return {
    frontmatter: module.frontmatter,
    headings: module.headings,
    content: recorded(module.content({ components })),
  };
}

/** An essay's record as JSON, as the cache keeps it; none where it cannot be recorded (the essay is then bundled as its module). */
export function recordedJson(code: string): string | undefined {
  try {
    return JSON.stringify(recordEssay(code));
  } catch {
    return undefined;
  }
}
