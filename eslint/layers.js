// The project's layers, checked on every import (see docs/architecture.md and docs/conventions.md).
// A file's layer is read from its path; each layer may import only the layers below it:
//   shared/            nothing of ours
//   electron/core/     shared/
//   electron/host-kit/ the core's face, shared/
//   electron/app/ electron/preview/ electron/cli/   the host kit, the core's face, shared/
//   renderer/          shared/
// and no file imports past a module's face: a folder with an index.ts is entered through it by
// every file outside that folder. Tests, benchmarks and scripts may reach anything.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

const LAYERS = [
  { name: 'shared', dir: 'shared/', may: ['shared'] },
  { name: 'core', dir: 'electron/core/', may: ['core', 'shared'] },
  { name: 'host-kit', dir: 'electron/host-kit/', may: ['host-kit', 'core', 'shared'] },
  { name: 'app', dir: 'electron/app/', may: ['app', 'host-kit', 'core', 'shared'] },
  { name: 'preview', dir: 'electron/preview/', may: ['preview', 'host-kit', 'core', 'shared'] },
  { name: 'cli', dir: 'electron/cli/', may: ['cli', 'core', 'shared'] },
  { name: 'renderer', dir: 'renderer/', may: ['renderer', 'shared'] },
];
const FREE = ['test/', 'bench/', 'scripts/', 'eslint/'];

function layerOf(rel) {
  return LAYERS.find((layer) => rel.startsWith(layer.dir)) ?? null;
}

function resolveImport(fromFile, specifier) {
  const base = path.resolve(path.dirname(fromFile), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** The outermost folder with an index.ts that holds `target` but not `fromFile`, if any. */
function faceCrossed(root, fromFile, target) {
  const rel = path.relative(root, target).split(path.sep);
  for (let depth = 1; depth < rel.length; depth++) {
    const folder = path.join(root, ...rel.slice(0, depth));
    const inside = fromFile.startsWith(folder + path.sep);
    if (inside) continue;
    for (const face of ['index.ts', 'index.tsx']) {
      if (existsSync(path.join(folder, face))) return { folder, face: path.join(folder, face) };
    }
  }
  return null;
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'imports follow the layers and enter modules through their faces' },
    schema: [],
    messages: {
      layer: '{{from}} may not import {{to}} ({{target}}): {{from}} imports only {{allowed}}.',
      face: 'Import {{module}} through its face ({{face}}), not {{target}}.',
    },
  },
  create(context) {
    const root = context.cwd;
    const file = context.filename;
    const rel = path.relative(root, file).split(path.sep).join('/');
    if (rel.startsWith('..') || FREE.some((dir) => rel.startsWith(dir))) return {};
    const from = layerOf(rel);

    const check = (node, source) => {
      if (!source || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const target = resolveImport(file, source.value);
      if (!target) return;
      const targetRel = path.relative(root, target).split(path.sep).join('/');
      const to = layerOf(targetRel);
      // The version is read from package.json, a fact every layer may know.
      if (targetRel === 'package.json') return;
      if (from && (!to || !from.may.includes(to.name))) {
        context.report({ node, messageId: 'layer', data: { from: from.name, to: to?.name ?? 'tooling', target: targetRel, allowed: from.may.join(', ') } });
        return;
      }
      const crossed = faceCrossed(root, file, target);
      if (crossed && crossed.face !== target) {
        const relFolder = path.relative(root, crossed.folder).split(path.sep).join('/');
        context.report({ node, messageId: 'face', data: { module: relFolder, face: path.relative(root, crossed.face).split(path.sep).join('/'), target: targetRel } });
      }
    };

    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
    };
  },
};

export default { rules: { layers: rule } };
