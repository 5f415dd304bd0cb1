import * as path from 'node:path';
import { createGenerator, type Config, type Definition } from 'ts-json-schema-generator';
import * as ts from 'typescript';

/** An OpenAPI 3.0 schema object (the subset this generator writes). */
export type OpenApiSchema = Record<string, unknown>;

/** Where the API lists its response types, and where their schemas are written (repo-relative). */
export const RESPONSES_FILE = 'apps/api/src/contract/responses.ts';
export const RESPONSE_SCHEMAS_FILE = 'apps/api/src/contract/response-schemas.generated.json';

/**
 * The names `file` exports (types included), in source order: the response types of the API.
 * @throws Error when the file cannot be read as a module.
 */
export function exportedTypeNames(root: string, file = RESPONSES_FILE): string[] {
  const program = ts.createProgram([path.join(root, file)], { noEmit: true, allowJs: false, skipLibCheck: true });
  const source = program.getSourceFile(path.join(root, file));
  const symbol = source && program.getTypeChecker().getSymbolAtLocation(source);
  if (!symbol) throw new Error(`${file} is not a module`);
  return program.getTypeChecker().getExportsOfModule(symbol).map((s) => s.name);
}

/**
 * JSON Schemas of the API's response types, generated from their TypeScript declarations by
 * ts-json-schema-generator (doc comments become descriptions) and rewritten for OpenAPI 3.0:
 * `#/definitions/X` -> `#/components/schemas/X`, `null` in a type union -> `nullable: true`,
 * `const` -> a one-value `enum`. Objects are closed (`additionalProperties: false`) unless the
 * type has an index signature, so a field the API adds without its type fails the contract checks.
 *
 * @param root repository root (tsconfig.base.json's paths resolve the `@customs/*` imports).
 * @returns every schema by component name: the listed types and all the types they use.
 * @throws Error from the generator when a type cannot be described in JSON Schema.
 */
export function generateResponseSchemas(root: string): Record<string, OpenApiSchema> {
  const config: Config = {
    path: path.join(root, RESPONSES_FILE),
    tsconfig: path.join(root, 'tsconfig.json'),
    expose: 'export',
    jsDoc: 'extended',
    skipTypeCheck: true,
    topRef: true,
    additionalProperties: false,
    encodeRefs: false,
    sortProps: true,
  };
  const generator = createGenerator(config);
  const definitions: Record<string, Definition> = {};
  for (const name of exportedTypeNames(root)) {
    const schema = generator.createSchema(name);
    Object.assign(definitions, schema.definitions ?? {});
  }
  const names = Object.keys(definitions).sort();
  const componentName = new Map(names.map((n) => [n, n.replace(/[^A-Za-z0-9._-]/g, '_')]));
  return Object.fromEntries(names.map((n) => [componentName.get(n)!, toOpenApi30(definitions[n] as OpenApiSchema, componentName)]));
}

/** Rewrites one JSON Schema (draft-07, as generated) into an OpenAPI 3.0 schema object. */
export function toOpenApi30(schema: OpenApiSchema, componentName: Map<string, string>): OpenApiSchema {
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== 'object') return node;
    const s = { ...(node as OpenApiSchema) };
    if (typeof s['$ref'] === 'string') {
      const name = decodeURIComponent((s['$ref'] as string).replace('#/definitions/', ''));
      s['$ref'] = `#/components/schemas/${componentName.get(name) ?? name}`;
    }
    if ('const' in s) {
      s['enum'] = [s['const']];
      delete s['const'];
    }
    if (Array.isArray(s['type'])) {
      const types = (s['type'] as string[]).filter((t) => t !== 'null');
      if (types.length < (s['type'] as string[]).length) s['nullable'] = true;
      if (types.length === 1) s['type'] = types[0];
      else {
        delete s['type'];
        s['anyOf'] = types.map((t) => ({ type: t }));
      }
    }
    for (const key of ['anyOf', 'oneOf'] as const) {
      const options = s[key] as OpenApiSchema[] | undefined;
      if (!options) continue;
      const rest = options.filter((o) => o['type'] !== 'null');
      if (rest.length === options.length) continue;
      s['nullable'] = true;
      if (rest.length === 1) {
        delete s[key];
        const only = rest[0];
        if ('$ref' in only) s['allOf'] = [only];
        else Object.assign(s, only);
      } else s[key] = rest;
    }
    if (Array.isArray(s['enum']) && (s['enum'] as unknown[]).includes(null)) {
      s['enum'] = (s['enum'] as unknown[]).filter((v) => v !== null);
      s['nullable'] = true;
    }
    for (const [k, v] of Object.entries(s)) s[k] = walk(v);
    return s;
  };
  return walk(schema) as OpenApiSchema;
}
