// @spec specthread-core#19.1
import { SyntaxNode } from '../codeParser';
import { FactsBuilder } from '../facts';
import { HTTP_METHODS, firstSentence, kids, pathsIn, signatureOf, statusesIn, stringValue, walk } from './nodes';

/**
 * Python: public functions, classes and methods (no leading underscore) with docstrings,
 * FastAPI/Flask routes (with the router's prefix and `status_code=`), click and argparse commands,
 * environment reads and settings classes, raised exceptions (`HTTPException` statuses), and
 * pytest/unittest tests.
 */
export function extractPython(root: SyntaxNode, path: string, isTest: boolean, out: FactsBuilder): void {
  const prefix = routerPrefix(root);
  for (const stmt of kids(root)) {
    const def = stmt.type === 'decorated_definition' ? stmt.childForFieldName('definition') : stmt;
    if (!def) continue;
    const decorators = stmt.type === 'decorated_definition' ? kids(stmt).filter((n) => n.type === 'decorator') : [];
    const name = def.childForFieldName('name')?.text;
    if (!name) continue;
    if (def.type === 'function_definition') {
      if (isTest && name.startsWith('test')) out.tests.push(testCase(def, path, name, undefined));
      else if (!name.startsWith('_')) out.symbols.push(symbol(def, name, 'function'));
      decorated(decorators, name, prefix, def.startPosition.row, out);
    } else if (def.type === 'class_definition') {
      const testClass = isTest && name.startsWith('Test');
      if (!name.startsWith('_') && !testClass) out.symbols.push(symbol(def, name, 'class'));
      const body = def.childForFieldName('body');
      const bases = def.childForFieldName('superclasses')?.text ?? '';
      for (const member of body ? kids(body) : []) {
        const m = member.type === 'decorated_definition' ? member.childForFieldName('definition') : member;
        if (m?.type === 'function_definition') {
          const mName = m.childForFieldName('name')?.text ?? '';
          if (testClass && mName.startsWith('test')) out.tests.push(testCase(m, path, mName, name));
          else if (!mName.startsWith('_') && !testClass) out.symbols.push({ ...symbol(m, `${name}.${mName}`, 'method'), owner: name });
        } else if (/BaseSettings/.test(bases) && member.type === 'expression_statement') {
          // pydantic settings: each annotated field is a configuration key read from the environment.
          const field = kids(member)[0]?.childForFieldName('left');
          if (field?.type === 'identifier' && !field.text.startsWith('_'))
            out.config.push({ name: field.text, source: 'setting', line: member.startPosition.row });
        }
      }
    }
  }
  const functions: { name: string; end: number }[] = [];
  walk(root, (node) => {
    const row = node.startPosition.row;
    while (functions.length && (functions[functions.length - 1] as { end: number }).end < row) functions.pop();
    if (node.type === 'function_definition') {
      functions.push({ name: node.childForFieldName('name')?.text ?? '', end: node.endPosition.row });
    } else if (node.type === 'import_statement' || node.type === 'import_from_statement') {
      const module = node.childForFieldName('module_name') ?? node.childForFieldName('name');
      if (module) out.imports.push(module.text);
    } else if (node.type === 'raise_statement') {
      raised(node, functions[functions.length - 1]?.name, out);
    } else if (node.type === 'call') {
      call(node, out);
    } else if (node.type === 'subscript' && node.childForFieldName('value')?.text === 'os.environ') {
      const key = stringValue(node.childForFieldName('subscript'));
      if (key) out.config.push({ name: key, source: 'env', line: row });
    }
  });
}

function symbol(def: SyntaxNode, name: string, kind: 'function' | 'class' | 'method') {
  const body = def.childForFieldName('body');
  const first = body ? kids(body)[0] : undefined;
  const docString = first?.type === 'expression_statement' ? stringValue(kids(first)[0]) : undefined;
  const doc = docString ? firstSentence(docString) : undefined;
  return { name, kind, signature: signatureOf(def, body), ...(doc ? { doc } : {}), line: def.startPosition.row };
}

function testCase(def: SyntaxNode, path: string, name: string, group: string | undefined) {
  const body = def.text;
  return {
    id: `${path}::${group ? `${group}::` : ''}${name}`,
    title: name,
    ...(group ? { group } : {}),
    paths: pathsIn(body),
    statuses: statusesIn(body),
    line: def.startPosition.row,
  };
}

/** `router = APIRouter(prefix="/items")` or a Flask `Blueprint(..., url_prefix=...)`: the prefix of the file's routes. */
function routerPrefix(root: SyntaxNode): string {
  for (const stmt of kids(root)) {
    const assign = stmt.type === 'expression_statement' ? kids(stmt)[0] : undefined;
    const value = assign?.type === 'assignment' ? assign.childForFieldName('right') : undefined;
    if (value?.type !== 'call') continue;
    const args = value.childForFieldName('arguments');
    for (const arg of args ? kids(args) : []) {
      const key = arg.type === 'keyword_argument' ? arg.childForFieldName('name')?.text : undefined;
      if (key === 'prefix' || key === 'url_prefix') return stringValue(arg.childForFieldName('value')) ?? '';
    }
  }
  return '';
}

function keyword(args: SyntaxNode | null, name: string): SyntaxNode | undefined {
  return (
    (args ? kids(args) : []).find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === name)?.childForFieldName('value') ?? undefined
  );
}

function decorated(decorators: SyntaxNode[], handler: string, prefix: string, line: number, out: FactsBuilder): void {
  for (const dec of decorators) {
    const callNode = kids(dec)[0];
    if (callNode?.type !== 'call') continue;
    const fn = callNode.childForFieldName('function');
    const args = callNode.childForFieldName('arguments');
    const attr = fn?.type === 'attribute' ? (fn.childForFieldName('attribute')?.text ?? '') : (fn?.text ?? '');
    const first = args ? kids(args)[0] : undefined;
    const value = stringValue(first);
    if ((HTTP_METHODS.has(attr) || attr === 'route' || attr === 'api_route') && value !== undefined) {
      const status = keyword(args, 'status_code');
      const methods = attr === 'route' || attr === 'api_route' ? (keyword(args, 'methods')?.text.match(/[A-Za-z]+/g) ?? ['GET']) : [attr];
      for (const method of methods)
        out.routes.push({
          method: method.toUpperCase(),
          path: prefix + value,
          handler,
          statuses: status && /^\d+$/.test(status.text) ? [Number(status.text)] : [],
          line,
        });
    } else if (attr === 'command' || attr === 'group') {
      out.commands.push({ name: value ?? handler.replace(/_/g, '-'), flags: [], line });
    } else if ((attr === 'option' || attr === 'argument') && value !== undefined) {
      // click stacks options above the command decorator: they belong to the function's command.
      const existing = out.commands.find((c) => c.line === line);
      if (existing) out.commands[out.commands.indexOf(existing)] = { ...existing, flags: [...existing.flags, value] };
      else out.commands.push({ name: handler.replace(/_/g, '-'), flags: [value], line });
    }
  }
}

function raised(node: SyntaxNode, within: string | undefined, out: FactsBuilder): void {
  const value = kids(node)[0];
  if (!value) return;
  const callee = value.type === 'call' ? value.childForFieldName('function') : value;
  const name = callee?.text ?? '';
  if (!/^[\w.]+$/.test(name)) return;
  const args = value.type === 'call' ? value.childForFieldName('arguments') : null;
  const detail = keyword(args, 'detail') ?? (args ? kids(args).find((a) => stringValue(a) !== undefined) : undefined);
  const message = stringValue(detail);
  const statusNode = keyword(args, 'status_code');
  const status = statusNode ? (/^\d+$/.test(statusNode.text) ? Number(statusNode.text) : statusFromName(statusNode.text)) : undefined;
  out.errors.push({ name, ...(message ? { message } : {}), ...(status ? { status } : {}), ...(within ? { within } : {}), line: node.startPosition.row });
}

function call(node: SyntaxNode, out: FactsBuilder): void {
  const fn = node.childForFieldName('function')?.text ?? '';
  const args = node.childForFieldName('arguments');
  const first = args ? kids(args)[0] : undefined;
  const row = node.startPosition.row;
  if (fn === 'os.getenv' || fn === 'os.environ.get') {
    const key = stringValue(first);
    if (key) out.config.push({ name: key, source: 'env', line: row });
  } else if (fn.endsWith('.add_parser')) {
    const name = stringValue(first);
    if (name) out.commands.push({ name, flags: [], line: row });
  } else if (fn.endsWith('.add_argument')) {
    const flag = stringValue(first);
    if (!flag) return;
    const last = out.commands[out.commands.length - 1];
    if (last) out.commands[out.commands.length - 1] = { ...last, flags: [...last.flags, flag] };
    else out.commands.push({ name: '(main)', flags: [flag], line: row });
  }
}

/** `status.HTTP_404_NOT_FOUND` → 404. */
function statusFromName(text: string): number | undefined {
  const m = /HTTP_(\d{3})/.exec(text);
  return m ? Number(m[1]) : undefined;
}
