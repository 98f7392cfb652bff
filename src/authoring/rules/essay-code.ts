import { Parser, type AnyNode, type Node as EsNode, type Pattern, type Program } from 'acorn';
import jsx from 'acorn-jsx';
import type { Nodes } from 'mdast';
import { isJsxElement } from './jsx.ts';
import { walk, type Findings } from './rule.ts';

/** MDX's own parser for the code in an essay (micromark's MDX extension reads it with acorn too). */
const parser = Parser.extend(jsx());

/** What an `import` may name: an image or file beside the essay, or a component the site has. */
export type ImportKind = 'asset' | 'component';

export interface EssayCodeContext {
  /** What a relative import names, or undefined when it is neither an asset nor an allowed component. */
  importKind: (specifier: string) => ImportKind | undefined;
}

const NOT_CODE_FIX = 'write the value itself: an expression in an essay holds a plain value, such as {2}, {"a phrase"} or {[1, 2]}.';
const IMPORT_FIX =
  "import only files beside the essay (./chart.png) and components from the site's components folder (../../src/components/Chart.astro), by a relative path; anything else belongs in a component.";

/**
 * An essay is content, not code: nothing in it may run when the site is built. MDX lets an
 * essay import modules and write JavaScript in `{…}`; this allows, from MDX's own syntax
 * tree (the ESTree of its ESM and expressions), only what is a plain value: imports of files
 * and of the site's components, `export const` of plain values, and expressions made of
 * literals, arrays, objects and the names those imports and exports bind. Everything else
 * (a package or a Node built-in, `process`, `fetch`, any call, `eval`, a dynamic `import()`)
 * is an error at its line and column, before anything runs. `set:html` and
 * `dangerouslySetInnerHTML`, which write raw HTML no check reads, are errors on any element.
 */
export function checkEssayCode(tree: Readonly<Nodes>, findings: Findings, context: EssayCodeContext): void {
  const bound = new Set<string>();
  // Imports and exports first: an expression may name what they bind, wherever it is.
  for (const { node } of walk(tree)) {
    if (node.type !== 'mdxjsEsm') continue;
    const program = parse(node.value, 'module');
    if (program instanceof SyntaxError) continue; // MDX's compiler reports its own syntax errors.
    checkModule(program, node, findings, context, bound);
  }
  for (const { node } of walk(tree)) {
    if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
      checkExpression(node.value, findings, bound, { node, offset: 0 });
    }
    if (!isJsxElement(node)) continue;
    for (const attribute of node.attributes) {
      if (attribute.type === 'mdxJsxExpressionAttribute') {
        checkExpression(`{${attribute.value}}`, findings, bound, { node });
        continue;
      }
      const name = attribute.name.toLowerCase();
      if (name === 'set:html' || name === 'dangerouslysetinnerhtml' || name === 'set:text') {
        findings.error(
          node,
          `<${node.name ?? 'Fragment'} ${attribute.name}> writes what it is given into the page as it is, where no check reads it.`,
          'write the text or markup in the essay itself, where every rule reads it.',
        );
        continue;
      }
      if (typeof attribute.value === 'object' && attribute.value) checkExpression(attribute.value.value, findings, bound, { node });
    }
  }
}

/**
 * Where code stands in the essay: its MDX node, and how far into the node the code starts
 * (none for an attribute's value, whose own place MDX does not give: reported at its element).
 */
type Place = { node: Readonly<Nodes>; offset?: number };

function parse(code: string, sourceType: 'module' | 'script'): Program | SyntaxError {
  try {
    return parser.parse(code, { ecmaVersion: 'latest', sourceType, locations: true, preserveParens: true });
  } catch (error) {
    if (error instanceof SyntaxError) return error;
    throw error;
  }
}

/** Reports at a node of the code, translated to the essay's own line and column. */
function reportAt(findings: Findings, place: Place, code: EsNode | undefined, message: string, fix: string): void {
  const start = place.node.position?.start;
  if (!start || !code?.loc || place.offset === undefined) {
    findings.error(place.node, message, fix);
    return;
  }
  const { line, column } = code.loc.start;
  findings.errorAt(start.line + line - 1, line === 1 ? start.column + place.offset + column : column + 1, message, fix);
}

function checkModule(program: Program, node: Readonly<Nodes>, findings: Findings, context: EssayCodeContext, bound: Set<string>): void {
  const place = { node, offset: 0 };
  for (const statement of program.body) {
    if (statement.type === 'ImportDeclaration') {
      const source = String(statement.source.value);
      const kind = /^\.\.?\//.test(source) ? context.importKind(source) : undefined;
      if (!kind) {
        reportAt(
          findings,
          place,
          statement.source,
          `the import of "${source}" would run code when the site is built, which an essay may not do.`,
          IMPORT_FIX,
        );
        continue;
      }
      for (const specifier of statement.specifiers) bound.add(specifier.local.name);
      continue;
    }
    if (
      statement.type === 'ExportNamedDeclaration' &&
      statement.declaration?.type === 'VariableDeclaration' &&
      statement.declaration.kind === 'const'
    ) {
      for (const declarator of statement.declaration.declarations) {
        const problem = declarator.init ? codeIn(declarator.init, bound) : undefined;
        if (problem)
          reportAt(
            findings,
            place,
            problem.node,
            `export const ${nameOf(declarator.id)} is not a plain value: ${problem.what}.`,
            NOT_CODE_FIX,
          );
        if (declarator.id.type === 'Identifier') bound.add(declarator.id.name);
      }
      continue;
    }
    reportAt(
      findings,
      place,
      statement,
      `${describeStatement(statement)} is code that would run when the site is built, which an essay may not do.`,
      'keep to imports of files and components, and `export const name = …` of plain values; anything else belongs in a component.',
    );
  }
}

function checkExpression(code: string, findings: Findings, bound: ReadonlySet<string>, place: Place): void {
  // A comment alone (`{/* a note to self */}`) is no code.
  if (code.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '').trim() === '') return;
  // In parentheses, as MDX reads it: `{ {a: 1} }` is an object, not a block. The opening
  // parenthesis stands where the brace was, so columns still count from the essay's `{`.
  const program = parse(`(${code}\n)`, 'script');
  if (program instanceof SyntaxError) return; // MDX's compiler reports its own syntax errors.
  const [statement, ...rest] = program.body;
  const wrapped = statement?.type === 'ExpressionStatement' && rest.length === 0 ? statement.expression : undefined;
  const expression = wrapped?.type === 'ParenthesizedExpression' ? wrapped.expression : wrapped;
  const problem = expression ? codeIn(expression, bound) : { node: statement ?? program, what: 'more than one value' };
  if (!problem) return;
  reportAt(
    findings,
    place,
    problem.node,
    `{${shorten(code)}} is code that would run when the site is built (${problem.what}), which an essay may not do.`,
    NOT_CODE_FIX,
  );
}

/** The first part of `node` that is not a plain value, with what it is; undefined when all of it is. */
function codeIn(node: AnyNode, bound: ReadonlySet<string>): { node: AnyNode; what: string } | undefined {
  // Markup in braces has a rule of its own (expressions.ts), with its own fix.
  if ((node.type as string) === 'JSXElement' || (node.type as string) === 'JSXFragment') return undefined;
  switch (node.type) {
    case 'Literal':
      return undefined;
    case 'TemplateLiteral':
      return node.expressions.length > 0 ? { node, what: 'a template with ${…} in it' } : undefined;
    case 'Identifier':
      return node.name === 'undefined' || bound.has(node.name)
        ? undefined
        : { node, what: `the name ${node.name}, which the essay does not import or define` };
    case 'UnaryExpression':
      return node.operator === '-' || node.operator === '+'
        ? codeIn(node.argument, bound)
        : { node, what: `the operator ${node.operator}` };
    case 'ArrayExpression':
      for (const element of node.elements) {
        const problem = element && codeIn(element, bound);
        if (problem) return problem;
      }
      return undefined;
    case 'ObjectExpression':
      for (const property of node.properties) {
        if (property.type !== 'Property' || property.computed || property.kind !== 'init' || property.method)
          return { node: property, what: 'an object part that is not a plain value' };
        const problem = codeIn(property.value, bound);
        if (problem) return problem;
      }
      return undefined;
    case 'ParenthesizedExpression':
      return codeIn(node.expression, bound);
    // Arithmetic and comparisons of plain values compute nothing but another plain value.
    case 'BinaryExpression':
    case 'LogicalExpression':
      return codeIn(node.left, bound) ?? codeIn(node.right, bound);
    case 'ConditionalExpression':
      return codeIn(node.test, bound) ?? codeIn(node.consequent, bound) ?? codeIn(node.alternate, bound);
    case 'CallExpression':
    case 'NewExpression':
      return { node, what: `a call of ${calleeName(node.callee)}` };
    case 'TaggedTemplateExpression':
      return { node, what: `a call of ${calleeName(node.tag)}` };
    case 'ImportExpression':
      return { node, what: 'an import()' };
    case 'MemberExpression':
      // A property of an image the essay imports, or of its own constant, is a plain value.
      return rootName(node) !== undefined && bound.has(rootName(node) ?? '')
        ? undefined
        : { node, what: `${calleeName(node)}, read from the machine that builds the site` };
    default:
      return { node, what: `${article(node.type)} ${words(node.type)}` };
  }
}

/** The name a chain of plain property reads (`chart.src`, `places[0].name`) starts from; undefined for anything else. */
function rootName(node: AnyNode): string | undefined {
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'MemberExpression' && (!node.computed || node.property.type === 'Literal') && node.object.type !== 'Super')
    return rootName(node.object);
  return undefined;
}

/** `process.env.HOME`, `fs.readFileSync`, `fetch`: what the code names, as written. */
function calleeName(node: AnyNode): string {
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'MemberExpression') {
    const property = node.property.type === 'Identifier' && !node.computed ? node.property.name : '[…]';
    return `${calleeName(node.object)}.${property}`;
  }
  return 'a function';
}

function nameOf(pattern: Pattern): string {
  return pattern.type === 'Identifier' ? pattern.name : '…';
}

function describeStatement(statement: EsNode): string {
  if (statement.type === 'ExportDefaultDeclaration') return 'export default';
  if (
    statement.type === 'ExportAllDeclaration' ||
    (statement.type === 'ExportNamedDeclaration' && !('declaration' in statement && statement.declaration))
  )
    return 'a re-export';
  if (statement.type === 'ExportNamedDeclaration') return 'an export that is not `export const` of a plain value';
  return `${article(statement.type)} ${words(statement.type)}`;
}

/** `FunctionDeclaration` → "function declaration". */
function words(type: string): string {
  return type
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/^jsx/, 'JSX');
}

function article(type: string): string {
  return /^[AEIOU]/.test(type) ? 'an' : 'a';
}

function shorten(code: string): string {
  const oneLine = code.replace(/\s+/g, ' ').trim();
  return oneLine.length > 40 ? `${oneLine.slice(0, 39)}…` : oneLine;
}
