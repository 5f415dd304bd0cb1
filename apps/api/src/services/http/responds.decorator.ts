import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import type { LinkObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
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
 * @param links OpenAPI links from this answer to the operations it leads to, by link name, e.g.
 *   `{ GetRiskCase: { operationId: 'RiskCasesController_get', parameters: { id: '$response.body#/riskCaseId' } } }`
 *   (operation ids are `<Controller>_<method>`): where a field of the answer is the parameter of
 *   another operation under another name, so clients and stateful tests can follow it.
 */
export function Responds(status: 200 | 201, schema: ResponseSchemaName, description: string, links?: Record<string, LinkObject>): MethodDecorator {
  return applyDecorators(ApiResponse({ status, description, schema: { $ref: `#/components/schemas/${schema}` }, ...(links ? { links } : {}) }));
}
