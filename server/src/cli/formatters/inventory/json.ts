// @spec specthread-core#13.6, specthread-core#15.6
import { relativeDir, relativePath } from '../paths';
import { Formatter, InventoryReport } from '../types';

/** `{ version: 1, specs: [...] }`, each entry as the core counts it, its folder relative to the working directory. */
export const formatInventoryJson: Formatter<InventoryReport> = (entries, { cwd }) =>
  JSON.stringify(
    {
      version: 1,
      specs: entries.map((e) => ({ ...e, dir: relativeDir(e.dir, cwd), reading: e.reading.map((r) => ({ ...r, path: relativePath(r.path, cwd) })) })),
    },
    null,
    2,
  );
