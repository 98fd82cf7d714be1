// @spec specthread-core#19.1
import { SyntaxNode } from '../codeParser';
import { FactsBuilder, SymbolKind } from '../facts';
import { HTTP_METHODS, docAbove, kids, pathsIn, signatureOf, statusesIn, stringValue, walk } from './nodes';

/**
 * TypeScript and JavaScript: exports (functions, classes and their public methods, interfaces,
 * types, constants, enums), Express/Fastify/Koa routes, commander/yargs commands and options,
 * `process.env` reads, thrown errors and `res.status(4xx)`, and mocha/jest/vitest/ava/node:test tests.
 */
export function extractTypeScript(root: SyntaxNode, path: string, isTest: boolean, out: FactsBuilder): void {
  const isJsDoc = (c: string) => c.startsWith('/**');
  for (const stmt of kids(root)) {
    if (stmt.type !== 'export_statement') continue;
    const doc = docAbove(stmt, isJsDoc);
    const decl = stmt.childForFieldName('declaration');
    if (decl) declaration(decl, doc, out);
    for (const clause of kids(stmt).filter((n) => n.type === 'export_clause')) {
      for (const spec of kids(clause)) {
        const name = spec.childForFieldName('alias') ?? spec.childForFieldName('name');
        if (name && name.text !== 'default')
          out.symbols.push({ name: name.text, kind: 'constant', signature: `export { ${spec.text} }`, line: stmt.startPosition.row });
      }
    }
    const value = stmt.childForFieldName('value');
    if (value && value.type === 'identifier')
      out.symbols.push({ name: value.text, kind: 'constant', signature: `export default ${value.text}`, line: stmt.startPosition.row });
  }
  const groups: { name: string; end: number }[] = [];
  const functionNames: { name: string; end: number }[] = [];
  walk(root, (node) => {
    const row = node.startPosition.row;
    while (groups.length && (groups[groups.length - 1] as { end: number }).end < row) groups.pop();
    while (functionNames.length && (functionNames[functionNames.length - 1] as { end: number }).end < row) functionNames.pop();
    if (node.type === 'import_statement') {
      const source = stringValue(node.childForFieldName('source'));
      if (source) out.imports.push(source);
    } else if (node.type === 'function_declaration' || node.type === 'method_definition') {
      const name = node.childForFieldName('name');
      if (name) functionNames.push({ name: name.text, end: node.endPosition.row });
    } else if (node.type === 'throw_statement') {
      thrown(node, functionNames[functionNames.length - 1]?.name, out);
    } else if (node.type === 'member_expression' && node.text.startsWith('process.env.')) {
      const prop = node.childForFieldName('property');
      if (prop) out.config.push({ name: prop.text, source: 'env', line: row });
    } else if (node.type === 'subscript_expression' && node.childForFieldName('object')?.text === 'process.env') {
      const key = stringValue(node.childForFieldName('index'));
      if (key) out.config.push({ name: key, source: 'env', line: row });
    } else if (node.type === 'call_expression') {
      call(node, path, isTest, groups, out);
    }
  });
}

function declaration(decl: SyntaxNode, doc: string | undefined, out: FactsBuilder): void {
  const line = decl.startPosition.row;
  const named = (kind: SymbolKind) => {
    const name = decl.childForFieldName('name');
    if (name) out.symbols.push({ name: name.text, kind, signature: signatureOf(decl, decl.childForFieldName('body')), ...(doc ? { doc } : {}), line });
    return name?.text;
  };
  switch (decl.type) {
    case 'function_declaration':
    case 'generator_function_declaration':
    case 'function_signature':
      named('function');
      return;
    case 'class_declaration':
    case 'abstract_class_declaration': {
      const owner = named('class');
      const body = decl.childForFieldName('body');
      if (owner && body) methods(body, owner, out);
      return;
    }
    case 'interface_declaration':
      named('interface');
      return;
    case 'type_alias_declaration':
      named('type');
      return;
    case 'enum_declaration':
      named('enum');
      return;
    case 'lexical_declaration':
    case 'variable_declaration':
      for (const d of kids(decl).filter((n) => n.type === 'variable_declarator')) {
        const name = d.childForFieldName('name');
        const value = d.childForFieldName('value');
        const isFn = value !== null && (value.type === 'arrow_function' || value.type === 'function_expression' || value.type === 'function');
        if (name && name.type === 'identifier')
          out.symbols.push({
            name: name.text,
            kind: isFn ? 'function' : 'constant',
            signature: signatureOf(d, isFn ? value.childForFieldName('body') : value),
            ...(doc ? { doc } : {}),
            line,
          });
      }
      return;
  }
}

function methods(body: SyntaxNode, owner: string, out: FactsBuilder): void {
  for (const member of kids(body)) {
    if (member.type !== 'method_definition' && member.type !== 'method_signature' && member.type !== 'abstract_method_signature') continue;
    const name = member.childForFieldName('name');
    if (!name || name.type === 'private_property_identifier' || name.text === 'constructor') continue;
    if (kids(member).some((k) => k.type === 'accessibility_modifier' && k.text !== 'public')) continue;
    const doc = docAbove(member, (c) => c.startsWith('/**'));
    out.symbols.push({
      name: `${owner}.${name.text}`,
      kind: 'method',
      owner,
      signature: signatureOf(member, member.childForFieldName('body')),
      ...(doc ? { doc } : {}),
      line: member.startPosition.row,
    });
  }
}

function thrown(node: SyntaxNode, within: string | undefined, out: FactsBuilder): void {
  const value = kids(node)[0];
  if (!value || value.type !== 'new_expression') return;
  const ctor = value.childForFieldName('constructor');
  const args = value.childForFieldName('arguments');
  const message = args ? stringValue(kids(args)[0]) : undefined;
  if (ctor) out.errors.push({ name: ctor.text, ...(message ? { message } : {}), ...(within ? { within } : {}), line: node.startPosition.row });
}

const TEST_CALLS: ReadonlySet<string> = new Set(['it', 'test', 'specify', 'describe', 'suite', 'context']);
const GROUP_CALLS: ReadonlySet<string> = new Set(['describe', 'suite', 'context']);
const ROUTERS = /^(app|router|server|api|fastify|instance|r|route|routes|\w*Router|\w*router)$/;

function call(node: SyntaxNode, path: string, isTest: boolean, groups: { name: string; end: number }[], out: FactsBuilder): void {
  const fn = node.childForFieldName('function');
  const args = node.childForFieldName('arguments');
  if (!fn || !args) return;
  const first = kids(args)[0];
  const row = node.startPosition.row;
  // `test('title')`, `it.only('title')`, `test.serial('title')`: the callee's first word names the kind.
  const head = fn.type === 'identifier' ? fn.text : fn.type === 'member_expression' ? (fn.childForFieldName('object')?.text ?? '') : '';
  if (isTest && TEST_CALLS.has(head)) {
    const title = stringValue(first);
    if (title === undefined) return;
    if (GROUP_CALLS.has(head)) {
      groups.push({ name: title, end: node.endPosition.row });
      return;
    }
    const group = groups.map((g) => g.name).join(' > ');
    const body = node.text;
    out.tests.push({
      id: `${path}::${group ? `${group} > ` : ''}${title}`,
      title,
      ...(group ? { group } : {}),
      paths: pathsIn(body),
      statuses: statusesIn(body),
      line: row,
    });
    return;
  }
  if (fn.type !== 'member_expression') {
    if (fn.type === 'identifier' && fn.text === 'require') {
      const source = stringValue(first);
      if (source) out.imports.push(source);
    }
    return;
  }
  const prop = fn.childForFieldName('property')?.text ?? '';
  const object = fn.childForFieldName('object');
  const value = stringValue(first);
  if (HTTP_METHODS.has(prop) && object && ROUTERS.test(object.text) && value !== undefined && value.startsWith('/')) {
    const handler = kids(args).slice(1).reverse()[0];
    out.routes.push({ method: prop.toUpperCase(), path: value, ...(handler?.type === 'identifier' ? { handler: handler.text } : {}), statuses: [], line: row });
  } else if (prop === 'route' && value?.startsWith('/') && object && ROUTERS.test(object.text)) {
    out.routes.push({ method: 'ALL', path: value, statuses: [], line: row });
  } else if (prop === 'command' && value !== undefined && value.trim()) {
    addCommand(out, value.split(/\s/)[0] as string, [], row);
  } else if ((prop === 'option' || prop === 'requiredOption') && value !== undefined) {
    // The walk meets `program.command('serve').option('--port')` at the outer call first: the chain names the command.
    const flag = /--?[\w-]+/.exec(value)?.[0] ?? value;
    addCommand(out, (object && chainCommand(object)) ?? out.commands[out.commands.length - 1]?.name ?? '(main)', [flag], row);
  } else if (prop === 'status' && object && /^(res|response|reply|ctx)$/.test(object.text)) {
    const status = first && first.type === 'number' ? Number(first.text) : undefined;
    if (status !== undefined && status >= 400) out.errors.push({ name: 'HTTP', status, line: row });
  }
}

/** The command a call chain registers (`program.command('serve').option(...)`), when it does. */
function chainCommand(node: SyntaxNode): string | undefined {
  let current: SyntaxNode | null = node;
  while (current && current.type === 'call_expression') {
    const fn = current.childForFieldName('function');
    if (fn?.type !== 'member_expression') return undefined;
    const args = current.childForFieldName('arguments');
    const name = fn.childForFieldName('property')?.text === 'command' && args ? stringValue(kids(args)[0]) : undefined;
    if (name) return name.split(/\s/)[0];
    current = fn.childForFieldName('object');
  }
  return undefined;
}

/** Adds flags to the command of that name, or the command itself the first time it is met. */
function addCommand(out: FactsBuilder, name: string, flags: readonly string[], line: number): void {
  const at = out.commands.findIndex((c) => c.name === name);
  const existing = out.commands[at];
  if (existing) out.commands[at] = { ...existing, flags: [...existing.flags, ...flags.filter((f) => !existing.flags.includes(f))] };
  else out.commands.push({ name, flags: [...flags], line });
}
