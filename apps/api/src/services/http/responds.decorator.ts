import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import type { ResponseSchemaName } from '../../contract/response-schemas';

/**
 * Documents a success answer by the name of its response type in `contract/responses.ts`: the
 * OpenAPI document refers to `#/components/schemas/<name>`, the JSON Schema generated from that
 * TypeScript type (`npm run contract`). The handler should declare the same type as its return
 * type, so the compiler holds the implementation to what the document promises.
 *
 * @param status HTTP status of the success answer (200 or 201).
 * @param schema Name of an exported type of `contract/responses.ts` (checked at compile time).
 * @param description What the answer is, for the document's readers.
 */
export function Responds(status: 200 | 201, schema: ResponseSchemaName, description: string): MethodDecorator {
  return applyDecorators(ApiResponse({ status, description, schema: { $ref: `#/components/schemas/${schema}` } }));
}
