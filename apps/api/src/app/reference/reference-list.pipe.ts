import { BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { isReferenceListName, REFERENCE_LIST_NAMES, type ReferenceListName } from '@customs/domain';

/** Refuses (400) a path parameter that is not a reference list name, naming the lists there are. */
@Injectable()
export class ReferenceListPipe implements PipeTransform<string, ReferenceListName> {
  static readonly schema: SchemaObject = { type: 'string', enum: [...REFERENCE_LIST_NAMES], example: 'tax-type', description: 'reference list name' };
  transform(value: string): ReferenceListName {
    if (!isReferenceListName(value)) {
      throw new BadRequestException(`list must be one of ${REFERENCE_LIST_NAMES.join(', ')}, got ${JSON.stringify(String(value).slice(0, 60))}`);
    }
    return value;
  }
}
