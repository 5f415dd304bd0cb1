import { Injectable, NotFoundException } from '@nestjs/common';
import { REFERENCE_LISTS, type ReferenceListName } from '@customs/domain';
import { ReferenceCodeRepository } from '@customs/persistence';
import type { ReferenceList } from './reference.responses';

/**
 * The versioned reference lists (`reference_code`), read. Versions are written by
 * `npm run reference:import` (tools/reference), never by the API.
 */
@Injectable()
export class ReferenceService {
  constructor(private readonly codes: ReferenceCodeRepository) {}

  /**
   * One version of a list (the newest by default), with its codes.
   * @throws NotFoundException when the list has no such version.
   */
  async list(list: ReferenceListName, version?: number): Promise<ReferenceList> {
    const [stored, newest] = await Promise.all([this.codes.find(list, version), this.codes.newestVersions()]);
    if (!stored) throw new NotFoundException(version === undefined ? `reference list ${list} has no version` : `reference list ${list} has no version ${version}`);
    return {
      list,
      description: REFERENCE_LISTS[list].description,
      fields: [...REFERENCE_LISTS[list].fields],
      version: stored.version,
      newestVersion: newest.get(list) ?? stored.version,
      validFrom: stored.validFrom,
      importedAt: stored.importedAt,
      source: stored.source,
      codes: stored.codes,
    };
  }
}
