import type { INestApplication } from '@nestjs/common';
import type { OpenAPIObject, ParameterObject, ReferenceObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { getMetadataStorage, IS_OPTIONAL, ValidationTypes } from 'class-validator';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import { KCS_CODE_LISTS } from '@customs/domain';
import { CBTC_DESK, countryCodes } from './code-validators';
import { TEXT_PATTERN } from './hostile-input';
import type { DocumentedParamPipe } from './id-params.pipe';
import { handlersByOperationId } from './openapi-handlers';

/** The JSON Schema keywords that state a validation rule (copied when the document lacks them). */
const RULE_KEYWORDS = [
  'type', 'enum', 'format', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum',
  'multipleOf', 'minItems', 'maxItems', 'uniqueItems', 'nullable',
] as const;

type Schema = SchemaObject | ReferenceObject;
const isRef = (s: Schema | undefined): s is ReferenceObject => !!s && '$ref' in s;

/**
 * The JSON Schema of this API's own class-validator decorators (`code-validators.ts`), which
 * class-validator-jsonschema cannot know. Others: no schema (the DTO states it with `@ApiProperty`).
 */
function customRules(): (meta: { name?: string }) => SchemaObject {
  const offices = [...KCS_CODE_LISTS.officeId].sort();
  const countries = countryCodes();
  return (meta) => {
    const one: SchemaObject | undefined =
      meta.name === 'isOfficeCode' ? { type: 'string', enum: offices }
        : meta.name === 'isDesk' ? { type: 'string', enum: [CBTC_DESK, ...offices] }
        : meta.name === 'isCountryCode' ? { type: 'string', enum: countries }
          : meta.name === 'isCalendarDate' ? { type: 'string', format: 'date' }
            : undefined;
    // With `{ each: true }` the library puts it under `items` itself.
    return one ?? {};
  };
}

/**
 * Copies the rule keywords `from` states and `to` does not, into `to` (and into array items).
 * A numeric `exclusiveMinimum`/`exclusiveMaximum` (JSON Schema draft 6+, as `@IsPositive` gives
 * it) becomes OpenAPI 3.0's `minimum` + `exclusiveMinimum: true`.
 */
function mergeRules(to: SchemaObject, from: SchemaObject, inQuery = false): void {
  for (const key of RULE_KEYWORDS) {
    // A query string has no null: an omitted parameter is the optional case there.
    if (inQuery && key === 'nullable') continue;
    if (from[key] !== undefined && to[key] === undefined) (to as Record<string, unknown>)[key] = from[key];
  }
  // OpenAPI 3.0: `nullable` does not admit null past an `enum` that lacks it.
  if (to.nullable === true && Array.isArray(to.enum) && !to.enum.includes(null)) to.enum = [...to.enum, null];
  // `@IsInt` narrows the `number` that `@ApiProperty` infers from the TypeScript type.
  if (to.type === 'number' && from.type === 'integer') to.type = 'integer';
  for (const [exclusive, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
    const value = (to as Record<string, unknown>)[exclusive];
    if (typeof value !== 'number') continue;
    const inclusive = to[bound];
    if (inclusive === undefined || inclusive <= value) Object.assign(to, { [bound]: value, [exclusive]: true });
    else delete (to as Record<string, unknown>)[exclusive];
  }
  const items = from.items as Schema | undefined;
  if (to.type === 'array' && items && !isRef(items) && to.items && !isRef(to.items as Schema)) mergeRules(to.items as SchemaObject, items);
}

/**
 * Completes the OpenAPI document with the validation rules the API enforces but
 * `@nestjs/swagger` does not read (it knows `@ApiProperty`, not class-validator), so a client
 * generator or a property-based tester reading the document sends what the API accepts:
 * - path parameters checked by a documented pipe (`id-params.pipe.ts`) get the pipe's schema;
 * - DTO properties (bodies, nested objects, query objects) get the rules of their class-validator
 *   decorators (`@Length`, `@Min`, `@IsIn`, `@IsNotEmpty`, ...) as converted by
 *   class-validator-jsonschema, and the API's own (`@IsOfficeCode`: the KCS office list, `@IsDesk`: CBTC and that list,
 *   `@IsCountryCode`, `@IsCalendarDate`), wherever `@ApiProperty` did not state that keyword;
 *   `@IsOptional()` properties are `nullable` (class-validator lets null through there);
 * - rules across fields that a DTO states with `@JSONSchema({ anyOf: [...] })` on its class;
 * - DTOs refuse undeclared fields (`additionalProperties: false`), and free text refuses the
 *   characters no field may hold (`TEXT_PATTERN`, `rejectHostileInput`).
 * What `@ApiProperty` states wins. Mutates and returns `document`.
 */
export function documentValidationRules(app: INestApplication, document: OpenAPIObject): OpenAPIObject {
  const custom = customRules();
  const rules = validationMetadatasToSchemas({
    classValidatorMetadataStorage: getMetadataStorage(),
    // The two libraries' SchemaObject types differ only in extension typing (x-*).
    additionalConverters: {
      [ValidationTypes.CUSTOM_VALIDATION]: (meta) => custom(meta) as Record<string, never>,
      // `@IsOptional()` skips validation for null as for undefined: the API accepts null there.
      [ValidationTypes.CONDITIONAL_VALIDATION]: (meta) => (meta.name === IS_OPTIONAL ? { nullable: true } : {}) as Record<string, never>,
    },
  }) as Record<string, SchemaObject>;
  const properties = (className: string) => (rules[className]?.properties ?? {}) as Record<string, Schema>;

  for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
    if (isRef(schema)) continue;
    // The global ValidationPipe refuses fields a DTO does not declare (forbidNonWhitelisted).
    if (rules[name] && schema.type === 'object' && schema.additionalProperties === undefined) schema.additionalProperties = false;
    // Rules across fields, stated on the class with class-validator-jsonschema's `@JSONSchema({ anyOf })`.
    for (const key of ['anyOf', 'oneOf', 'not'] as const) {
      if (rules[name]?.[key] !== undefined && schema[key] === undefined) (schema as Record<string, unknown>)[key] = rules[name][key];
    }
    for (const [prop, rule] of Object.entries(properties(name))) {
      const target = schema.properties?.[prop];
      if (target && !isRef(target) && !isRef(rule)) mergeRules(target, rule);
    }
  }

  const handlers = handlersByOperationId(app);
  for (const item of Object.values(document.paths)) {
    for (const op of [item.get, item.post, item.put, item.patch, item.delete]) {
      const info = op && handlers.get(op.operationId ?? '');
      if (!op || !info) continue;
      for (const param of (op.parameters ?? []) as ParameterObject[]) {
        if (param.in === 'path') {
          const pipe = (info.pathPipes.get(param.name) ?? []).find((p): p is DocumentedParamPipe => typeof p === 'function' && 'schema' in p);
          if (pipe) param.schema = { ...pipe.schema };
        }
        if (param.in === 'query' && param.schema && !isRef(param.schema)) {
          for (const type of info.queryTypes) {
            const rule = properties(type.name)[param.name];
            if (rule && !isRef(rule)) mergeRules(param.schema, rule, true);
          }
        }
      }
    }
  }
  stateTextRule(document);
  return document;
}

/**
 * Gives every free-text string a request may carry (parameters and bodies, through their
 * `$ref`s; not those with a pattern, an enum or a format) the pattern of the characters
 * `rejectHostileInput` refuses in every field (`TEXT_PATTERN`).
 */
function stateTextRule(document: OpenAPIObject): void {
  const components = document.components?.schemas ?? {};
  const seen = new Set<Schema>();
  const visit = (schema: Schema | undefined): void => {
    if (!schema || seen.has(schema)) return;
    seen.add(schema);
    if (isRef(schema)) return visit(components[schema.$ref.replace('#/components/schemas/', '')]);
    if (schema.type === 'string' && schema.pattern === undefined && schema.enum === undefined && schema.format === undefined) {
      schema.pattern = TEXT_PATTERN;
    }
    for (const child of Object.values(schema.properties ?? {})) visit(child);
    for (const child of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])]) visit(child);
    visit(schema.items as Schema | undefined);
    if (schema.not) visit(schema.not);
    if (typeof schema.additionalProperties === 'object') visit(schema.additionalProperties);
  };
  for (const item of Object.values(document.paths)) {
    for (const op of [item.get, item.post, item.put, item.patch, item.delete]) {
      if (!op) continue;
      for (const param of (op.parameters ?? []) as ParameterObject[]) visit(param.schema);
      const body = op.requestBody && !('$ref' in op.requestBody) ? op.requestBody : undefined;
      for (const media of Object.values(body?.content ?? {})) visit(media.schema);
    }
  }
}
