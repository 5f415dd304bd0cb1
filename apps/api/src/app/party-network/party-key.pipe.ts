import { BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { parsePartyKey } from '@customs/party-network';

/** Node keys of the party network: a role, a colon, the party's id (`@customs/party-network` `parsePartyKey`). */
const PARTY_KEY = '^((DECLARANT|IMPORTER|SELLER|COURIER|SHIPPER|CONSIGNEE):[A-Za-z0-9]{1,20}|PASSENGER:PAX-[0-9A-F]{16})$';
/** What a party key is, in the 400 answer and the OpenAPI document. */
const SHAPE = 'DECLARANT, IMPORTER, SELLER, COURIER, SHIPPER or CONSIGNEE, a colon and the party id (1-20 letters or digits), or PASSENGER:PAX-<16 upper-case hex digits>';

/** Refuses (400) a path parameter that cannot be a party key, before it reaches the network. */
@Injectable()
export class PartyKeyPipe implements PipeTransform<string, string> {
  static readonly schema: SchemaObject = { type: 'string', pattern: PARTY_KEY, example: 'IMPORTER:SHHZGSL', description: `party key: ${SHAPE}` };
  transform(value: string): string {
    if (typeof value !== 'string' || !parsePartyKey(value)) {
      const shown = typeof value === 'string' ? JSON.stringify(value.slice(0, 60)) : String(value);
      throw new BadRequestException(`party key must be ${SHAPE}, e.g. IMPORTER:SHHZGSL; got ${shown}`);
    }
    return value;
  }
}
