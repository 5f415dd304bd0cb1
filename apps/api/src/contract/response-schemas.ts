import type { OpenAPIObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import generated from './response-schemas.generated.json';

/** Component name of a response schema: a type of `responses.ts` or one it uses. */
export type ResponseSchemaName = keyof typeof generated;

/**
 * The response schemas the OpenAPI document carries under `components.schemas`, generated from
 * the TypeScript types of `responses.ts` (see `@customs/api-contract/codegen`).
 */
export const RESPONSE_SCHEMAS = generated as unknown as Record<ResponseSchemaName, SchemaObject>;

/**
 * The document with the response schemas added to `components.schemas`.
 * @throws Error when a request DTO's schema has the name of a response schema (one would hide the other).
 */
export function withResponseSchemas(document: OpenAPIObject): OpenAPIObject {
  const own = document.components?.schemas ?? {};
  const clash = Object.keys(RESPONSE_SCHEMAS).filter((name) => name in own);
  if (clash.length) throw new Error(`OpenAPI schema names used by both a request DTO and a response type: ${clash.join(', ')}`);
  return { ...document, components: { ...document.components, schemas: { ...own, ...RESPONSE_SCHEMAS } } };
}
