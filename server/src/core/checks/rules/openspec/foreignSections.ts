// @spec specthread-core#16.6
import { SpecRule } from '../../rule';
import { FILE_START, mainSpecShapes } from './mainSpecShape';

/**
 * A main spec its authors organised under their own headings (`## Descripción` and `## Requisitos
 * Funcionales`, `## Functional Requirements` with `### RF-1:` blocks). SpecThread reads those
 * requirements, but `openspec validate` and `openspec archive` see none, because they look for the
 * English `## Purpose` / `## Requirements` only. A team writing a whole repository this way chose
 * it, so this is a note that says what OpenSpec will do, not an error (docs/severity-policy.md).
 */
export const foreignSections: SpecRule = {
  meta: {
    code: 'structure.foreign-sections',
    defaultSeverity: 'info',
    summary: 'An OpenSpec main spec keeps its requirements under its own headings, which `openspec validate` and archive do not read.',
    description:
      'OpenSpec reads a main spec only from `## Purpose` and `## Requirements` with `### Requirement:` blocks. A spec ' +
      'written under localized or home-made headings (`## Requisitos Funcionales`, `## Functional Requirements`) is read ' +
      'by SpecThread, so coverage and hovers work, but `openspec validate` rejects it and `openspec archive` cannot merge ' +
      'a change into it. Rename the sections if the repository uses the OpenSpec workflow; otherwise turn the rule off.',
    bad: '# Autenticación\n\n## Descripción\n…\n\n## Requisitos Funcionales\n### RF-1: Registro\n…',
    good: '# Autenticación\n\n## Purpose\n…\n\n## Requirements\n### Requirement: Registro\nEl sistema SHALL …',
  },
  formats: ['openspec'],
  check(spec, report) {
    for (const { file: f, shape } of mainSpecShapes(spec)) {
      if (shape.kind !== 'foreign') continue;
      report({
        path: f.path,
        range: FILE_START,
        message: `The requirements are under "## ${shape.heading}", not ## Requirements (and ## Purpose), so openspec validate rejects this spec and archive cannot merge changes into it; SpecThread reads them as written.`,
      });
    }
  },
};
