// @spec specthread-core#19.1
import { SyntaxNode } from '../codeParser';
import { FactsBuilder, SymbolKind } from '../facts';
import { HTTP_METHODS, docAbove, kids, pathsIn, signatureOf, statusesIn, stringValue, walk } from './nodes';

const exported = (name: string) => /^\p{Lu}/u.test(name);
const ROUTE_CALLS: ReadonlySet<string> = new Set(['HandleFunc', 'Handle', 'Path', 'PathPrefix']);
const FLAG_CALL = /^(String|Bool|Int|Int64|Uint|Float64|Duration|StringSlice)(Var)?P?$/;

/**
 * Go: the package, exported functions, methods, types, constants and variables with their doc
 * comments; net/http, chi, gorilla/mux and gin routes (with `.Methods(...)`); cobra commands and
 * flags; `os.Getenv`; `errors.New`/`fmt.Errorf` messages and `http.Error` statuses; `func Test*`.
 */
export function extractGo(root: SyntaxNode, path: string, isTest: boolean, out: FactsBuilder): void {
  const isDoc = () => true;
  for (const decl of kids(root)) {
    const line = decl.startPosition.row;
    if (decl.type === 'function_declaration' || decl.type === 'method_declaration') {
      const name = decl.childForFieldName('name')?.text ?? '';
      if (isTest && decl.type === 'function_declaration' && /^Test($|[^\p{Ll}])/u.test(name)) {
        const body = decl.text;
        out.tests.push({ id: `${path}::${name}`, title: name, paths: pathsIn(body), statuses: statusesIn(body), line });
      } else if (exported(name) && !isTest) {
        const receiver = decl.type === 'method_declaration' ? receiverType(decl) : undefined;
        // A method of an unexported type is out of reach of the package's users.
        if (receiver !== undefined && !exported(receiver)) continue;
        const doc = docAbove(decl, isDoc);
        out.symbols.push({
          name: receiver ? `${receiver}.${name}` : name,
          kind: receiver ? 'method' : 'function',
          ...(receiver ? { owner: receiver } : {}),
          signature: signatureOf(decl, decl.childForFieldName('body')),
          ...(doc ? { doc } : {}),
          line,
        });
      }
    } else if (!isTest && (decl.type === 'type_declaration' || decl.type === 'const_declaration' || decl.type === 'var_declaration')) {
      const doc = docAbove(decl, isDoc);
      for (const spec of kids(decl)) {
        const names = spec.type === 'type_spec' ? [spec.childForFieldName('name')] : kids(spec).filter((n) => n.type === 'identifier');
        for (const n of names) {
          if (!n || !exported(n.text)) continue;
          const typeNode = spec.childForFieldName('type');
          const kind: SymbolKind =
            spec.type === 'type_spec' ? (typeNode?.type === 'interface_type' ? 'interface' : typeNode?.type === 'struct_type' ? 'class' : 'type') : 'constant';
          out.symbols.push({
            name: n.text,
            kind,
            signature: signatureOf(spec, spec.type === 'type_spec' ? null : spec.childForFieldName('value')),
            ...(doc ? { doc } : {}),
            line: spec.startPosition.row,
          });
        }
      }
    }
  }
  const functions: { name: string; end: number }[] = [];
  walk(root, (node) => {
    const row = node.startPosition.row;
    while (functions.length && (functions[functions.length - 1] as { end: number }).end < row) functions.pop();
    if (node.type === 'function_declaration' || node.type === 'method_declaration') {
      functions.push({ name: node.childForFieldName('name')?.text ?? '', end: node.endPosition.row });
    } else if (node.type === 'import_spec') {
      const p = stringValue(node.childForFieldName('path'));
      if (p) out.imports.push(p);
    } else if (node.type === 'call_expression') {
      call(node, functions[functions.length - 1]?.name, out);
    } else if (node.type === 'composite_literal' && /cobra\.Command$/.test(node.childForFieldName('type')?.text ?? '')) {
      const body = node.childForFieldName('body');
      for (const el of body ? kids(body) : []) {
        const [key, value] = kids(el);
        if (el.type === 'keyed_element' && key?.text === 'Use') {
          const use = stringValue(kids(value ?? el)[0] ?? value);
          if (use) out.commands.push({ name: use.split(/\s/)[0] as string, flags: [], line: row });
        }
      }
    }
  });
}

function receiverType(decl: SyntaxNode): string | undefined {
  const receiver = decl.childForFieldName('receiver');
  const param = receiver ? kids(receiver)[0] : undefined;
  const type = param?.childForFieldName('type')?.text;
  return type?.replace(/^\*/, '').replace(/\[.*$/, '');
}

function call(node: SyntaxNode, within: string | undefined, out: FactsBuilder): void {
  const fn = node.childForFieldName('function');
  const args = node.childForFieldName('arguments');
  const argList = args ? kids(args) : [];
  const row = node.startPosition.row;
  if (!fn) return;
  const callee = fn.text;
  const field = fn.type === 'selector_expression' ? (fn.childForFieldName('field')?.text ?? '') : callee;
  const first = stringValue(argList[0]);
  if (callee === 'os.Getenv' || callee === 'os.LookupEnv') {
    if (first) out.config.push({ name: first, source: 'env', line: row });
  } else if (callee === 'errors.New' || callee === 'fmt.Errorf') {
    if (first) out.errors.push({ name: callee, message: first, ...(within ? { within } : {}), line: row });
  } else if (callee === 'http.Error' || callee.endsWith('.WriteHeader') || field === 'AbortWithStatus' || field === 'AbortWithStatusJSON') {
    const statusArg = argList[callee === 'http.Error' ? 2 : 0]?.text ?? '';
    const status = httpStatus(statusArg);
    if (status !== undefined && status >= 400)
      out.errors.push({
        name: 'HTTP',
        status,
        ...(callee === 'http.Error' && stringValue(argList[1]) ? { message: stringValue(argList[1]) } : {}),
        ...(within ? { within } : {}),
        line: row,
      });
  } else if (field === 'Methods' && fn.type === 'selector_expression') {
    // gorilla/mux: `r.HandleFunc("/x", h).Methods("POST")` names the verbs of the route it chains on.
    const operand = fn.childForFieldName('operand');
    const route = operand?.type === 'call_expression' ? routeOf(operand) : undefined;
    if (route) for (const m of argList.map((a) => stringValue(a)).filter((m): m is string => !!m)) out.routes.push({ ...route, method: m.toUpperCase() });
  } else if (fn.type === 'selector_expression' && (ROUTE_CALLS.has(field) || HTTP_METHODS.has(field.toLowerCase())) && first?.startsWith('/')) {
    // A route chained into `.Methods(...)` is recorded there, with its verbs.
    const parent = node.parent;
    const chained = parent?.type === 'selector_expression' && parent.childForFieldName('field')?.text === 'Methods';
    if (!chained) {
      const route = routeOf(node);
      if (route) out.routes.push(route);
    }
  } else if (fn.type === 'selector_expression' && FLAG_CALL.test(field) && /Flags\(\)$/.test(fn.childForFieldName('operand')?.text ?? '')) {
    const name = stringValue(argList[field.includes('Var') ? 1 : 0]);
    const last = out.commands[out.commands.length - 1];
    if (name && last) out.commands[out.commands.length - 1] = { ...last, flags: [...last.flags, `--${name}`] };
    else if (name) out.commands.push({ name: '(root)', flags: [`--${name}`], line: row });
  }
}

function routeOf(node: SyntaxNode): { method: string; path: string; handler?: string; statuses: number[]; line: number } | undefined {
  const fn = node.childForFieldName('function');
  const args = node.childForFieldName('arguments');
  const argList = args ? kids(args) : [];
  const field = fn?.childForFieldName('field')?.text ?? '';
  const path = stringValue(argList[0]);
  if (!path?.startsWith('/')) return undefined;
  const handler = argList[1];
  const method = HTTP_METHODS.has(field.toLowerCase()) ? field.toUpperCase() : 'ANY';
  return { method, path, ...(handler && /^[\w.]+$/.test(handler.text) ? { handler: handler.text } : {}), statuses: [], line: node.startPosition.row };
}

const STATUS_NAMES: Record<string, number> = {
  StatusBadRequest: 400,
  StatusUnauthorized: 401,
  StatusForbidden: 403,
  StatusNotFound: 404,
  StatusMethodNotAllowed: 405,
  StatusConflict: 409,
  StatusUnprocessableEntity: 422,
  StatusTooManyRequests: 429,
  StatusInternalServerError: 500,
  StatusNotImplemented: 501,
  StatusServiceUnavailable: 503,
};

function httpStatus(text: string): number | undefined {
  if (/^\d{3}$/.test(text)) return Number(text);
  const name = text.replace(/^http\./, '');
  return STATUS_NAMES[name];
}
