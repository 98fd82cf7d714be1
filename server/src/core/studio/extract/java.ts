// @spec specthread-core#19.1
import { SyntaxNode } from '../codeParser';
import { FactsBuilder } from '../facts';
import { docAbove, kids, pathsIn, signatureOf, statusesIn, stringValue, walk } from './nodes';

const TYPES: ReadonlySet<string> = new Set(['class_declaration', 'interface_declaration', 'enum_declaration', 'record_declaration']);
const MAPPINGS: Record<string, string> = {
  GetMapping: 'GET',
  PostMapping: 'POST',
  PutMapping: 'PUT',
  DeleteMapping: 'DELETE',
  PatchMapping: 'PATCH',
  RequestMapping: 'ANY',
};

/**
 * Java: public classes, interfaces, enums, records and their public methods with Javadoc; Spring
 * routes (`@RequestMapping` on the class as prefix, `@GetMapping` and friends on methods);
 * `System.getenv`; thrown exceptions; JUnit `@Test` methods grouped by class.
 */
export function extractJava(root: SyntaxNode, path: string, isTest: boolean, out: FactsBuilder): void {
  const isDoc = (c: string) => c.startsWith('/**');
  walk(root, (node) => {
    if (node.type === 'import_declaration') {
      out.imports.push(node.text.replace(/^import\s+(static\s+)?|;$/g, '').trim());
      return false;
    }
    if (TYPES.has(node.type)) {
      const name = node.childForFieldName('name')?.text ?? '';
      const mods = modifiers(node);
      const prefix = mapping(mods)?.path ?? '';
      if (/\bpublic\b/.test(mods?.text ?? '') && !isTest) {
        const doc = docAbove(node, isDoc);
        out.symbols.push({
          name,
          kind: node.type === 'interface_declaration' ? 'interface' : node.type === 'enum_declaration' ? 'enum' : 'class',
          signature: signatureOf(node, node.childForFieldName('body')),
          ...(doc ? { doc } : {}),
          line: node.startPosition.row,
        });
      }
      const body = node.childForFieldName('body');
      for (const member of body ? kids(body) : []) {
        if (member.type !== 'method_declaration') continue;
        const mName = member.childForFieldName('name')?.text ?? '';
        const mMods = modifiers(member);
        const line = member.startPosition.row;
        if (isTest && /@Test\b|@ParameterizedTest\b/.test(mMods?.text ?? '')) {
          const text = member.text;
          out.tests.push({ id: `${path}::${name}::${mName}`, title: mName, group: name, paths: pathsIn(text), statuses: statusesIn(text), line });
          continue;
        }
        const route = mapping(mMods);
        if (route) out.routes.push({ method: route.method, path: prefix + route.path, handler: `${name}.${mName}`, statuses: route.statuses, line });
        if (!isTest && (/\bpublic\b/.test(mMods?.text ?? '') || node.type === 'interface_declaration')) {
          const doc = docAbove(member, isDoc);
          out.symbols.push({
            name: `${name}.${mName}`,
            kind: 'method',
            owner: name,
            signature: signatureOf(member, member.childForFieldName('body')),
            ...(doc ? { doc } : {}),
            line,
          });
        }
      }
    } else if (node.type === 'throw_statement') {
      const value = kids(node)[0];
      const type = value?.type === 'object_creation_expression' ? value.childForFieldName('type')?.text : undefined;
      const args = value?.childForFieldName('arguments');
      const message = args
        ? kids(args)
            .map((a) => stringValue(a))
            .find((s) => s !== undefined)
        : undefined;
      if (type) out.errors.push({ name: type, ...(message ? { message } : {}), line: node.startPosition.row });
    } else if (node.type === 'method_invocation' && node.text.startsWith('System.getenv(')) {
      const args = node.childForFieldName('arguments');
      const key = args ? stringValue(kids(args)[0]) : undefined;
      if (key) out.config.push({ name: key, source: 'env', line: node.startPosition.row });
    }
    return true;
  });
}

function modifiers(node: SyntaxNode): SyntaxNode | undefined {
  return kids(node).find((k) => k.type === 'modifiers');
}

function mapping(mods: SyntaxNode | undefined): { method: string; path: string; statuses: number[] } | undefined {
  if (!mods) return undefined;
  let found: { method: string; path: string; statuses: number[] } | undefined;
  const statuses: number[] = [];
  for (const ann of kids(mods)) {
    const name = ann.childForFieldName('name')?.text ?? '';
    if (name === 'ResponseStatus') {
      const m = /HttpStatus\.(\w+)/.exec(ann.text);
      if (m?.[1] === 'CREATED') statuses.push(201);
      if (m?.[1] === 'NO_CONTENT') statuses.push(204);
    }
    const method = MAPPINGS[name];
    if (!method) continue;
    const path = /"([^"]*)"/.exec(ann.text)?.[1] ?? '';
    const verb = /RequestMethod\.(\w+)/.exec(ann.text)?.[1];
    found = { method: verb ?? method, path, statuses };
  }
  return found;
}
